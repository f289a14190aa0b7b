//! Titles and roles that stand before a name, and what some of them say about the person.

/// Titles and roles that stand before a person's name ("Mayor Linda Ortiz", "councillor
/// Tom Becker", "Oracle CEO Larry Ellison").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "ceo", "cfo", "cto", "coo", "president", "vice-president", "mayor", "councillor", "councilor",
    "councilwoman", "councilman", "senator", "sen", "governor", "gov", "minister", "secretary", "chairman",
    "chairwoman", "chair", "director", "spokesperson", "spokesman", "spokeswoman", "founder", "co-founder",
    "chief", "judge", "justice", "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "dame", "king", "queen",
    "prince", "princess", "pope", "commissioner", "superintendent", "sheriff", "inspector", "detective",
    "officer", "captain", "general", "colonel", "rep", "representative", "ambassador", "chancellor", "premier",
    "executive", "advisor", "adviser", "analyst", "economist", "lawyer", "attorney", "coach", "manager",
    "editor", "reporter", "mp", "mep", "msp", "leader", "head", "boss", "candidate", "deputy", "archbishop",
    "bishop", "cardinal", "reverend", "rev", "campaigner", "researcher", "author", "partner", "lord", "lady", "baroness",
];

/// Capitalised words that are part of the title after them ("Prime Minister", "Home
/// Secretary"), not a name of their own.
#[rustfmt::skip]
pub const TITLE_MODIFIERS: &[&str] = &[
    "prime", "home", "foreign", "shadow", "deputy", "vice", "chief", "assistant", "under", "junior", "senior",
    "former", "attorney", "health", "education", "culture", "trade", "defence", "defense", "transport",
    "environment", "cabinet", "first", "executive", "managing", "general", "finance", "treasury", "interior",
];

/// The [`TITLE_MODIFIERS`] that make a title another office ("Deputy Prime Minister" is not
/// "the prime minister"), where the others only narrow it ("Home Office minister" is still
/// "the minister").
pub const OTHER_OFFICE: &[&str] = &["shadow", "deputy", "vice", "assistant", "under", "junior", "former", "acting"];

/// Titles that show a man. Not all of them are [`TITLES`] ("mister", "father"): these only
/// tell the sex, while a title splits a run of capitals into a role and a name, so adding
/// them there would change the names found.
pub const MALE_TITLES: &[&str] = &["mr", "sir", "lord", "mister", "king", "prince", "father", "brother"];

/// Titles that show a woman (see [`MALE_TITLES`]).
pub const FEMALE_TITLES: &[&str] =
    &["ms", "mrs", "miss", "lady", "dame", "baroness", "queen", "princess", "sister", "madam"];

/// Titles that say how to address someone without showing their sex.
pub const UNGENDERED_HONORIFICS: &[&str] = &["dr", "prof"];

/// Lower-case particles inside a surname ("Ruud van Nistelrooy", "Charles de Gaulle",
/// "Leonardo da Vinci"): between two capitalised words they belong to the name.
pub const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "du", "des", "da", "di", "del", "della", "dos", "la", "le", "bin", "ibn", "ter",
];
