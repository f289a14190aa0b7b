//! Button state, kept in the button's `custom_id` (at most 100 characters) so buttons keep
//! working after a restart. The question itself travels in the message the button is on.

/// What a button does when clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show answer `rank` (1-based) with `width` sentences of context on each side.
    Answer { rank: usize, width: usize },
    /// Show page `page` (0-based) of a search with `per_page` results per page.
    Search { page: usize, per_page: usize },
    /// Post a private reply publicly in the channel.
    Share,
    /// Vote on answer `rank` (1-based): helpful (`up`) or not.
    Vote { rank: usize, up: bool },
}

/// A button's state and the corpus it was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ButtonState {
    /// The first characters of the corpus fingerprint: a button from an older corpus would
    /// point at the wrong sentences.
    pub corpus: String,
    pub action: Action,
}

/// Length of the corpus fingerprint prefix kept in a button.
pub const CORPUS_TAG: usize = 8;

impl ButtonState {
    pub fn new(fingerprint: &str, action: Action) -> ButtonState {
        ButtonState { corpus: fingerprint.chars().take(CORPUS_TAG).collect(), action }
    }

    pub fn encode(&self) -> String {
        match self.action {
            Action::Answer { rank, width } => format!("a:{}:{rank}:{width}", self.corpus),
            Action::Search { page, per_page } => format!("s:{}:{page}:{per_page}", self.corpus),
            Action::Share => format!("p:{}:0:0", self.corpus),
            Action::Vote { rank, up } => format!("v:{}:{rank}:{}", self.corpus, u8::from(up)),
        }
    }

    /// `None` for anything this version did not make.
    pub fn decode(id: &str) -> Option<ButtonState> {
        let mut parts = id.split(':');
        let kind = parts.next()?;
        let corpus = parts.next()?.to_string();
        let a: usize = parts.next()?.parse().ok()?;
        let b: usize = parts.next()?.parse().ok()?;
        if parts.next().is_some() || corpus.len() != CORPUS_TAG {
            return None;
        }
        let action = match kind {
            "a" => Action::Answer { rank: a, width: b },
            "s" => Action::Search { page: a, per_page: b },
            "p" => Action::Share,
            "v" if b <= 1 => Action::Vote { rank: a, up: b == 1 },
            _ => return None,
        };
        Some(ButtonState { corpus, action })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip_and_fit_discords_limit() {
        for action in [
            Action::Answer { rank: 20, width: 99 },
            Action::Search { page: 49, per_page: 10 },
            Action::Share,
            Action::Vote { rank: 3, up: true },
            Action::Vote { rank: 1, up: false },
        ] {
            let state = ButtonState::new("0123456789abcdef", action);
            let id = state.encode();
            assert!(id.chars().count() <= 100);
            assert_eq!(ButtonState::decode(&id), Some(state));
        }
    }

    #[test]
    fn foreign_or_damaged_ids_are_rejected() {
        for id in ["", "a", "a:0123:1:1", "x:01234567:1:1", "a:01234567:one:1", "a:01234567:1:1:1", "v:01234567:1:2"] {
            assert_eq!(ButtonState::decode(id), None, "{id}");
        }
    }
}
