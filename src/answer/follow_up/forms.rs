//! The shapes a follow-up takes that need no name to be read: a request to go on ("what
//! else?"), bare question words ("when?", "why not?"), an elliptical phrase ("and Oracle?"),
//! and what an earlier question asked about.

use super::names::{words as words_of, Word};
use crate::words::follow_ups::{
    ADDING, ASKING_WHY, BARE_FILLER, BARE_JOINING, CONTINUE_ANYWHERE, CONTINUE_AT_END, CONTRACTED, ELLIPSIS_OPENINGS,
};
use crate::words::grammar::AUXILIARIES;
use crate::words::questions::{HOW_AMOUNT, HOW_TIME, QUESTION_WORDS};

/// Longest elliptical phrase ("and the first data center?"), in words.
const MAX_ELLIPSIS_WORDS: usize = 6;

/// For a request to go on ("what else did he say?", "next"): the positions of the words kept
/// once the going-on words are left out.
pub(super) fn continuation(words: &[Word]) -> Option<Vec<usize>> {
    let anywhere = |w: &Word| CONTINUE_ANYWHERE.contains(&w.lower.as_str());
    let at_end = words.last().is_some_and(|w| CONTINUE_AT_END.contains(&w.lower.as_str()));
    if !at_end && !words.iter().any(anywhere) {
        return None;
    }
    let last = words.len() - 1;
    let dropped = |i: usize| anywhere(&words[i]) || (at_end && i == last);
    Some((0..words.len()).filter(|&i| !dropped(i)).collect())
}

/// "what for?", "how come?": a bare "why" in other words.
pub(super) fn is_asking_why(words: &[Word]) -> bool {
    let asked: Vec<&str> = words.iter().map(|w| w.lower.as_str()).filter(|w| !BARE_FILLER.contains(w)).collect();
    ASKING_WHY.contains(&asked.as_slice())
}

/// "when?", "and how much?", "why not?", "until when?": question words and nothing else but
/// a preposition or a "not".
pub(super) fn is_bare(words: &[Word]) -> bool {
    let any_question = words.iter().any(|w| QUESTION_WORDS.contains(&w.lower.as_str()));
    let fits = |w: &Word| {
        let w = w.lower.as_str();
        QUESTION_WORDS.contains(&w) || BARE_FILLER.contains(&w) || BARE_JOINING.contains(&w) || ADDING.contains(&w)
    };
    any_question && words.len() <= 4 && words.iter().all(fits)
}

/// What stands in for the earlier subject in "and Oracle?" / "what about the first phase?":
/// a short phrase after an opening, with no question word or verb of its own.
pub(super) fn ellipsis<'a>(question: &'a str, words: &[Word]) -> Option<&'a str> {
    let opening = ELLIPSIS_OPENINGS
        .iter()
        .find(|o| words.len() > o.len() && words.iter().zip(o.iter()).all(|(w, o)| w.lower == *o))?;
    let rest = &words[opening.len()..];
    let own_question =
        rest.iter().any(|w| QUESTION_WORDS.contains(&w.lower.as_str()) || AUXILIARIES.contains(&w.lower.as_str()));
    if own_question || rest.len() > MAX_ELLIPSIS_WORDS {
        return None;
    }
    Some(&question[rest[0].span.start..rest[rest.len() - 1].span.end])
}

/// "how much?" after "Who runs SoftBank?": the new question words before what the earlier
/// question asked about.
pub(super) fn with_question_words(question: &str, words: &[Word], earlier: &str) -> String {
    let asked: Vec<&str> = words
        .iter()
        .filter(|w| !BARE_FILLER.contains(&w.lower.as_str()) || is_how_word(&w.lower))
        .map(|w| &question[w.span.clone()])
        .collect();
    let earlier_words = words_of(earlier);
    let lead = lead_of(&earlier_words);
    let rest_from = lead.last().map_or(0, |&i| earlier_words[i].span.end);
    let rest = earlier[rest_from..].trim();
    // "why not?" after "Is the US backing …?": "why not is the US backing …?"; a capital in
    // mid-question would read as a name.
    let opens_with_auxiliary = earlier_words.first().is_some_and(|w| AUXILIARIES.contains(&w.lower.as_str()));
    let mut chars = rest.chars();
    match (rest_from == 0 && opens_with_auxiliary, chars.next()) {
        (true, Some(first)) => format!("{} {}{}", asked.join(" "), first.to_lowercase(), chars.as_str()),
        _ => format!("{} {rest}", asked.join(" ")),
    }
}

/// What a question asks about: its words after the opening question words and auxiliaries
/// ("Who announced Project Stargate?" → "announced Project Stargate").
pub(super) fn topic_of(question: &str) -> String {
    let words = words_of(question);
    let skip = lead_of(&words).len();
    let first = words
        .iter()
        .skip(skip)
        .find(|w| !AUXILIARIES.contains(&w.lower.as_str()) && !CONTRACTED.contains(&w.lower.as_str()));
    first.map_or_else(String::new, |w| question[w.span.start..].trim_end_matches(['?', '.', '!', ' ']).to_string())
}

pub(super) fn is_how_word(word: &str) -> bool {
    HOW_AMOUNT.contains(&word) || HOW_TIME.contains(&word)
}

/// The positions of a question's opening question words ("How much", "Who").
pub(super) fn lead_of(words: &[Word]) -> Vec<usize> {
    words
        .iter()
        .take_while(|w| QUESTION_WORDS.contains(&w.lower.as_str()) || is_how_word(&w.lower))
        .enumerate()
        .map(|(i, _)| i)
        .collect()
}
