//! Function words: the small words of English grammar that the rules read around names,
//! quotations and values. Each list is for one rule, and they differ on purpose.

/// Words that start many sentences and are never names on their own. Not
/// [`super::questions::STOP_WORDS`], which is for another rule: a word that carries content
/// in a question may still never be a name ("later", "never"), and a word a question can do
/// without may be one ("Story", "Kind").
#[rustfmt::skip]
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "absolutely", "according", "after", "afterward", "afterwards", "again", "all", "also",
    "although", "an", "and", "another", "any", "are", "as", "at", "basically", "because", "before", "both",
    "but", "by", "can", "despite", "did", "do", "during", "each", "earlier", "either", "even", "eventually",
    "every", "few", "for", "from", "he", "her", "here", "his", "how", "however", "i", "if", "in", "indeed",
    "instead", "is", "it", "its", "just", "last", "later", "let", "many", "meanwhile", "more", "most", "much",
    "my", "neither", "never", "next", "no", "nor", "not", "now", "of", "on", "once", "one", "only", "or",
    "other", "our", "over", "perhaps", "really", "several", "she", "since", "so", "some", "still", "such",
    "sure", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "thus", "to",
    "too", "under", "until", "we", "what", "when", "where", "whether", "which", "while", "who", "why", "will",
    "with", "without", "yes", "yet", "you", "your",
];

/// Words that stand between a subject and its verb and are not part of it.
#[rustfmt::skip]
pub const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "been", "be", "also", "later", "then", "quoted", "as",
    "reportedly", "further", "will", "would", "could", "once", "again", "previously", "recently", "earlier", "did",
    "does", "do", "not", "never", "just", "yesterday", "today", "simply", "repeatedly", "separately", "may",
    "might", "should", "shall", "can", "cannot", "already", "publicly", "privately", "meanwhile", "however", "too",
    "himself", "herself", "itself", "now",
];

/// Prepositions that govern a name, so that it is not the subject ("a spokesman for Michael
/// Howard").
pub const PREPOSITIONS: &[&str] = &[
    "for", "of", "at", "in", "to", "from", "with", "by", "on", "about", "against", "near", "inside", "within", "over",
];

/// Adverbs that end a phrasal verb ("knocked out favourite …"); "in", "on" and "over" are
/// among [`PREPOSITIONS`].
pub const PARTICLES: &[&str] = &["out", "up", "off", "down", "back", "away"];

/// The forms of "be", which before a past participle make a verb passive.
pub const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Words that start a clause: a subject begins after them.
pub const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "that", "because", "when", "where", "which", "who", "if", "though", "although", "so", "or",
    "after", "before", "as",
];

/// Words opening a phrase that make it indefinite: "a spokesman" is an unnamed source.
pub const INDEFINITE: &[&str] = &["a", "an", "one", "some", "another"];

/// Words opening a phrase that make it definite: "the home secretary" is someone the story
/// has named. Narrower than [`DETERMINERS`] (what may follow "of" in a measured phrase),
/// which also holds "a", "this", "our" and the like.
pub const DEFINITE: &[&str] = &["the", "his", "her", "their", "its"];

/// Words that may follow "of" in a measured phrase ("of his own money").
pub const DETERMINERS: &[&str] =
    &["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these"];

/// Words that end the noun phrase after a value ("of" goes on only before a noun or a
/// determiner).
pub const PHRASE_STOPS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "to", "in", "on", "at", "for", "from", "by", "with", "between", "that",
    "which", "who", "as", "back", "ago", "was", "is", "were", "are", "had", "has", "have", "will", "would", "it", "he",
    "she", "they", "this", "after", "before", "since", "during", "into", "than", "per", "across", "last", "each",
    "every",
];

/// Opening words that refer back to the previous sentence: a sentence opening with one is
/// about whoever the sentence before names.
pub const PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "his", "her", "their", "its", "this", "that", "these", "those", "him", "them"];
