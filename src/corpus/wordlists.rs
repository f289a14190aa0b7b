//! Word lists the text rules read with: function words, calendar words, titles, the words
//! that mark organisations and places, and speech verbs. General English, nothing about any
//! one story.

/// Words that start many sentences and are never names on their own.
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

/// Calendar words: dates, not names.
#[rustfmt::skip]
pub const CALENDAR: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

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
    "bishop", "cardinal", "campaigner", "researcher", "author", "partner", "lord", "lady", "baroness",
];

/// Capitalised words that are part of the title after them ("Prime Minister", "Home
/// Secretary"), not a name of their own.
#[rustfmt::skip]
pub const TITLE_MODIFIERS: &[&str] = &[
    "prime", "home", "foreign", "shadow", "deputy", "vice", "chief", "assistant", "under", "junior", "senior",
    "former", "attorney", "health", "education", "culture", "trade", "defence", "defense", "transport",
    "environment", "cabinet", "first", "executive", "managing", "general", "finance", "treasury", "interior",
];

/// Words that make a name an organisation.
#[rustfmt::skip]
pub const ORGANISATION_WORDS: &[&str] = &[
    "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "bank", "house",
    "administration", "department", "ministry", "university", "college", "school", "committee", "council",
    "party", "agency", "authority", "association", "board", "court", "foundation", "institute", "times", "post",
    "news", "press", "union", "federation", "league", "club", "fund", "capital", "partners", "ventures", "labs",
    "systems", "technologies", "airlines", "motors", "holdings", "office", "commission", "service", "services",
    "police", "congress", "senate", "parliament", "government",
];

/// Words that make a name a place.
#[rustfmt::skip]
pub const PLACE_WORDS: &[&str] = &[
    "city", "county", "street", "avenue", "road", "river", "island", "islands", "valley",
    "lake", "mountain", "mountains", "bay", "harbor", "harbour", "park", "square", "province", "kingdom",
    "republic",
];

#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "reply", "replies", "replied",
    "replying", "respond", "responds", "responded", "write", "writes", "wrote", "writing", "post", "posts",
    "posted", "posting", "tweet", "tweets", "tweeted", "tweeting", "add", "adds", "added", "adding", "noted",
    "noting", "point", "points", "pointed", "pointing", "explain", "explains", "explained", "argue", "argues",
    "argued", "arguing", "insist", "insists", "insisted", "claim", "claims", "claimed", "claiming", "stated",
    "ask", "asks", "asked", "warn", "warns", "warned", "announce", "announces", "announced", "called",
    "declare", "declares", "declared", "recall", "recalls", "recalled", "joke", "joked", "quip", "quipped",
    "countered", "admit", "admits", "admitted", "acknowledge", "acknowledged", "remark", "remarked", "suggest",
    "suggests", "suggested", "observe", "observed", "promise", "promised", "vow", "vowed", "describe",
    "describes", "described", "boast", "boasted", "complain", "complained", "continued", "conclude",
    "concluded", "agreed", "retort", "retorted", "mocked", "continues", "concede", "concedes",
    "conceded", "predict", "predicts", "predicted", "stresses", "stressed", "urge", "urges", "urged",
    "maintain", "maintains", "maintained", "observes", "commented", "confirm", "confirms", "confirmed", "deny", "denies", "denied", "accuse",
    "accuses", "accused", "accusing", "written", "adding", "insisting", "warning", "asking", "telling",
    "saying", "believes", "says", "reckons", "reckoned", "emphasised",
    "emphasized", "wrote", "answered", "added", "admitting", "acknowledges", "complains", "concludes",
];
