//! Button state, kept in the button's `custom_id` (at most 100 characters) so buttons keep
//! working after a restart. The state names the sentences the reply was built from, so a click
//! continues (and a vote records) exactly what the user saw, whatever the ranking does since.
//! Only the question itself travels in the message, as the user saw it.
//!
//! Format `2:<kind>:<version>:<a>:<b>[:<sentences>]`: the format version, the action, the first
//! characters of the engine's version, two numbers, and sentence ids in base 36.

use crate::corpus::SentenceId;

/// The format written now; ids in another format are from an older storybot.
const FORMAT: &str = "2";
/// Discord's limit on a `custom_id`.
const MAX_ID: usize = 100;
/// Length of the engine-version prefix kept in a button.
pub const VERSION_TAG: usize = 8;

/// What a button does when clicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show answer `rank` (1-based) of `answers` (sentence ids, best first) with `width`
    /// sentences of context on each side.
    Answer { rank: usize, width: usize, answers: Vec<SentenceId> },
    /// Show page `page` (0-based) of a search with `per_page` results per page.
    Search { page: usize, per_page: usize },
    /// Post a private reply publicly in the channel.
    Share,
    /// Vote on answer `rank` (1-based), sentence `sentence` (`None`: the reply said the story
    /// doesn't say): helpful (`up`) or not.
    Vote { rank: usize, up: bool, sentence: Option<SentenceId> },
}

/// A button's state and the engine version it was made by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ButtonState {
    /// The first characters of [`crate::answer::Engine::version`]: a button made by another
    /// version would point at the wrong sentences.
    pub version: String,
    pub action: Action,
}

/// Why a button cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// Made by a storybot from before this format.
    Older,
    /// Not one of ours, or damaged.
    Unknown,
}

impl ButtonState {
    pub fn new(version: &str, action: Action) -> ButtonState {
        ButtonState { version: version.chars().take(VERSION_TAG).collect(), action }
    }

    /// The id; an answer's sentence list is cut to what fits in Discord's 100 characters.
    pub fn encode(&self) -> String {
        let v = &self.version;
        match &self.action {
            Action::Answer { rank, width, answers } => {
                let fit = ButtonState::answers_that_fit(v, *rank, *width, answers);
                let ids: Vec<String> = answers[..fit].iter().map(|id| encode_id(*id)).collect();
                format!("{FORMAT}:a:{v}:{rank}:{width}:{}", ids.join("."))
            }
            Action::Search { page, per_page } => format!("{FORMAT}:s:{v}:{page}:{per_page}"),
            Action::Share => format!("{FORMAT}:p:{v}:0:0"),
            Action::Vote { rank, up, sentence } => {
                let sentence = sentence.map_or("-".to_string(), encode_id);
                format!("{FORMAT}:v:{v}:{rank}:{}:{sentence}", u8::from(*up))
            }
        }
    }

    /// How many of `answers` an answer button for answer `rank` with `width` sentences of
    /// context can carry (what [`ButtonState::encode`] keeps).
    pub fn answers_that_fit(version: &str, rank: usize, width: usize, answers: &[SentenceId]) -> usize {
        let tag: String = version.chars().take(VERSION_TAG).collect();
        let mut room = MAX_ID.saturating_sub(format!("{FORMAT}:a:{tag}:{rank}:{width}:").len());
        let mut fit = 0;
        for (i, id) in answers.iter().enumerate() {
            let len = encode_id(*id).len() + usize::from(i > 0);
            if len > room {
                break;
            }
            room -= len;
            fit += 1;
        }
        fit
    }

    /// # Errors
    /// [`Unusable::Older`] for a button an older storybot made, [`Unusable::Unknown`] for
    /// anything else this version did not make.
    pub fn decode(id: &str) -> Result<ButtonState, Unusable> {
        let parts: Vec<&str> = id.split(':').collect();
        match parts.as_slice() {
            [FORMAT, kind, version, a, b, rest @ ..] if version.len() == VERSION_TAG => {
                let action = action(kind, a.parse().ok(), b.parse().ok(), rest).ok_or(Unusable::Unknown)?;
                Ok(ButtonState { version: version.to_string(), action })
            }
            // The first format: `kind:corpus:a:b`.
            [kind, corpus, _, _] if kind.len() == 1 && corpus.len() == VERSION_TAG => Err(Unusable::Older),
            _ => Err(Unusable::Unknown),
        }
    }
}

fn action(kind: &str, a: Option<usize>, b: Option<usize>, rest: &[&str]) -> Option<Action> {
    let (a, b) = (a?, b?);
    match (kind, rest) {
        ("a", [ids]) => {
            let answers = ids.split('.').map(decode_id).collect::<Option<Vec<SentenceId>>>()?;
            Some(Action::Answer { rank: a, width: b, answers })
        }
        ("s", []) => Some(Action::Search { page: a, per_page: b }),
        ("p", []) => Some(Action::Share),
        ("v", ["-"]) if b <= 1 => Some(Action::Vote { rank: a, up: b == 1, sentence: None }),
        ("v", [id]) if b <= 1 => Some(Action::Vote { rank: a, up: b == 1, sentence: Some(decode_id(id)?) }),
        _ => None,
    }
}

/// A sentence id as written in a button: its number in base 36.
fn encode_id(id: SentenceId) -> String {
    base36(id.index())
}

fn decode_id(text: &str) -> Option<SentenceId> {
    from_base36(text).map(SentenceId::new)
}

fn base36(n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    let mut n = n;
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}

fn from_base36(text: &str) -> Option<usize> {
    (!text.is_empty() && text.len() <= 12).then_some(())?;
    usize::from_str_radix(text, 36).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(numbers: impl IntoIterator<Item = usize>) -> Vec<SentenceId> {
        numbers.into_iter().map(SentenceId::new).collect()
    }

    #[test]
    fn states_round_trip_and_fit_discords_limit() {
        for action in [
            Action::Answer { rank: 20, width: 99, answers: ids([0, 35, 36, 1_000_000]) },
            Action::Search { page: 49, per_page: 10 },
            Action::Share,
            Action::Vote { rank: 3, up: true, sentence: Some(SentenceId::new(12_345)) },
            Action::Vote { rank: 1, up: false, sentence: None },
        ] {
            let state = ButtonState::new("0123456789abcdef", action);
            let id = state.encode();
            assert!(id.chars().count() <= MAX_ID);
            assert_eq!(ButtonState::decode(&id), Ok(state));
        }
    }

    #[test]
    fn sentence_ids_are_written_as_their_numbers_in_base_36() {
        // Buttons already posted in Discord carry this format: it must not change.
        let answer =
            ButtonState::new("01234567", Action::Answer { rank: 2, width: 1, answers: ids([0, 35, 36, 1295]) });
        assert_eq!(answer.encode(), "2:a:01234567:2:1:0.z.10.zz");
        let vote =
            ButtonState::new("01234567", Action::Vote { rank: 1, up: true, sentence: Some(SentenceId::new(71)) });
        assert_eq!(vote.encode(), "2:v:01234567:1:1:1z");
        let Ok(ButtonState { action: Action::Answer { answers, .. }, .. }) =
            ButtonState::decode("2:a:01234567:2:1:zz.0")
        else {
            panic!("an answer button decodes");
        };
        assert_eq!(answers, ids([1295, 0]));
    }

    #[test]
    fn an_answer_list_is_cut_to_what_fits_in_a_button() {
        let many = ids(1_000_000..1_000_050);
        let fit = ButtonState::answers_that_fit("0123abcd", 1, 1, &many);
        assert!((10..50).contains(&fit), "{fit}");
        let state = ButtonState::new("0123abcd", Action::Answer { rank: 1, width: 1, answers: many.clone() });
        let id = state.encode();
        assert!(id.len() <= MAX_ID);
        let Ok(ButtonState { action: Action::Answer { answers, .. }, .. }) = ButtonState::decode(&id) else {
            panic!("{id} decodes");
        };
        assert_eq!(answers, many[..fit]);
        assert_eq!(ButtonState::answers_that_fit("0123abcd", 1, 1, &ids([1, 2, 3])), 3);
        // A longer state leaves room for fewer ids, and the count says so.
        let wide =
            ButtonState::new("0123abcd", Action::Answer { rank: 12, width: 1_234_567_890, answers: many.clone() });
        let Ok(ButtonState { action: Action::Answer { answers, .. }, .. }) = ButtonState::decode(&wide.encode()) else {
            panic!("the wide state decodes");
        };
        assert_eq!(answers.len(), ButtonState::answers_that_fit("0123abcd", 12, 1_234_567_890, &many));
        assert!(answers.len() < fit);
    }

    #[test]
    fn buttons_of_the_first_format_are_known_as_older() {
        for id in ["a:01234567:2:1", "v:01234567:1:1", "s:ffffffff:0:5", "p:01234567:0:0"] {
            assert_eq!(ButtonState::decode(id), Err(Unusable::Older), "{id}");
        }
    }

    #[test]
    fn foreign_or_damaged_ids_are_rejected() {
        for id in [
            "",
            "a",
            "a:0123:1:1",
            "2:x:01234567:1:1",
            "2:a:01234567:one:1:0",
            "2:a:01234567:1:1",
            "2:a:01234567:1:1:0.",
            "2:v:01234567:1:2:0",
            "2:s:01234567:1:1:0",
            "3:a:01234567:1:1:0",
        ] {
            assert_eq!(ButtonState::decode(id), Err(Unusable::Unknown), "{id}");
        }
    }
}
