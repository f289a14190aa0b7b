//! How a question in a conversation leans on the one before: the pronouns that stand for
//! someone named earlier, the openings of an elliptical question ("and …?", "what about …?"),
//! and the words that ask to go on ("what else", "next").

/// Pronouns that stand for a man named earlier.
pub const MALE: &[&str] = &["he", "him", "his", "himself"];
/// Pronouns that stand for a woman named earlier.
pub const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
/// Pronouns that stand for a thing or an organisation named earlier.
pub const THING: &[&str] = &["it", "its", "itself"];
/// Pronouns that stand for an organisation or several people named earlier.
pub const PLURAL: &[&str] = &["they", "them", "their", "theirs", "themselves"];
/// Demonstratives that stand for what was asked about when nothing of their own follows
/// ("who said that?"), not when they open a noun phrase ("that company").
pub const DEMONSTRATIVES: &[&str] = &["that", "this"];
/// Pronouns that are possessive: replaced by the name with "'s".
pub const POSSESSIVES: &[&str] = &["his", "its", "their", "theirs", "hers"];

/// Pronouns that are objects ("her" only when no noun follows it): not the subject of the
/// same question.
pub const OBJECTS: &[&str] = &["him", "her", "them"];

/// Openings of an elliptical question: what follows stands in for the earlier subject.
pub const ELLIPSIS_OPENINGS: &[&[&str]] =
    &[&["and", "what", "about"], &["and", "how", "about"], &["what", "about"], &["how", "about"], &["and"], &["also"]];

/// Prepositions that open an elliptical phrase adding to the earlier question ("and without
/// the rebate?", "and in 2022?") rather than standing in for its subject.
pub const ADDING: &[&str] = &[
    "without",
    "with",
    "for",
    "in",
    "on",
    "at",
    "before",
    "after",
    "during",
    "since",
    "under",
    "over",
    "except",
    "besides",
    "including",
    "by",
    "from",
    "to",
    "against",
    "outside",
    "inside",
    "within",
];

/// Words that ask to go on past the answers already given, wherever they stand ("what else
/// did he say?").
pub const CONTINUE_ANYWHERE: &[&str] = &["else"];
/// Words that ask to go on when they end the question ("what did he say next?", "tell me
/// more"), not inside it ("how much more money?").
pub const CONTINUE_AT_END: &[&str] = &["next", "more", "again", "further", "besides"];
/// Words a request to go on may hold besides those: they add nothing to what is asked.
pub const CONTINUE_FILLER: &[&str] = &[
    "go",
    "on",
    "continue",
    "keep",
    "going",
    "tell",
    "me",
    "us",
    "anything",
    "something",
    "any",
    "and",
    "what",
    "please",
    "ok",
    "okay",
    "so",
];

/// Words besides prepositions ([`ADDING`]) that may join bare question words and are kept in
/// the question they make ("why not?", "until when?").
pub const BARE_JOINING: &[&str] = &["not", "until", "till"];
/// Words that may stand beside bare question words without making them a question of
/// their own.
pub const BARE_FILLER: &[&str] =
    &["and", "so", "then", "exactly", "much", "many", "long", "big", "large", "often", "old", "soon"];

/// Other ways of asking a bare "why?" after a question ("what for?").
pub const ASKING_WHY: &[&[&str]] = &[&["what", "for"], &["for", "what"], &["how", "come"]];

/// What is left of a contracted auxiliary once the apostrophe splits it off ("who's" → "who",
/// "s"): not the topic of a question.
pub const CONTRACTED: &[&str] = &["s", "re", "ll", "d", "ve", "m"];
