//! Words about speech: the verbs that attribute a quotation, the sources that speak
//! without a name, and the words people use for quotes when they ask about them.
//!
//! The lists overlap but are not one: each is what its own rule needs, and merging them would
//! change what the rules find.

/// Verbs that attribute words to a speaker ("said", "told", "posted"), in the forms news
/// prose uses.
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "reply", "replies", "replied", "replying",
    "respond", "responds", "responded", "write", "writes", "wrote", "writing", "post", "posts", "posted", "posting",
    "tweet", "tweets", "tweeted", "tweeting", "add", "adds", "added", "adding", "noted", "noting", "point",
    "points", "pointed", "pointing", "explain", "explains", "explained", "argue", "argues", "argued", "arguing",
    "insist", "insists", "insisted", "claim", "claims", "claimed", "claiming", "stated", "ask", "asks", "asked",
    "warn", "warns", "warned", "announce", "announces", "announced", "called", "declare", "declares", "declared",
    "recall", "recalls", "recalled", "joke", "joked", "quip", "quipped", "countered", "admit", "admits", "admitted",
    "acknowledge", "acknowledged", "remark", "remarked", "suggest", "suggests", "suggested", "observe", "observed",
    "promise", "promised", "vow", "vowed", "describe", "describes", "described", "boast", "boasted", "complain",
    "complained", "continued", "conclude", "concluded", "agreed", "retort", "retorted", "mocked", "continues",
    "concede", "concedes", "conceded", "predict", "predicts", "predicted", "stresses", "stressed", "urge", "urges",
    "urged", "maintain", "maintains", "maintained", "observes", "commented", "confirm", "confirms", "confirmed",
    "deny", "denies", "denied", "accuse", "accuses", "accused", "accusing", "written", "insisting", "warning",
    "asking", "believes", "reckons", "reckoned", "emphasised", "emphasized", "answered", "admitting",
    "acknowledges", "complains", "concludes",
];

/// The [`SPEECH_VERBS`] that deny what follows them: a phrase quoted under one is not the
/// subject's own.
pub const DENIALS: &[&str] = &["deny", "denies", "denied"];

/// Nouns that make a speaker an unnamed source, kept as the text words it.
#[rustfmt::skip]
pub const UNNAMED_SOURCES: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "source", "sources", "official",
    "officials", "aide", "aides", "insider", "insiders", "statement", "newsletter", "handbook", "letter",
    "report", "memo", "document", "leaflet", "website", "analysts", "observers", "critics", "correspondent",
];

/// Words in a question that ask for a quote ("who said …", "what did he tweet"): a few
/// speech verbs and the nouns for what was said. Not [`SPEECH_VERBS`]: with all of those,
/// "what was added" or "who called" would ask for a quote.
pub const QUOTE_WORDS: &[&str] = &[
    "say",
    "said",
    "says",
    "quote",
    "quoted",
    "quotes",
    "tweet",
    "tweeted",
    "post",
    "posted",
    "reply",
    "replied",
    "respond",
    "responded",
    "claim",
    "claimed",
    "words",
    "wrote",
];

/// Words that describe the quote rather than being part of it ("the one about …"), dropped
/// from the paraphrase `whosaid` reads. Not [`QUOTE_WORDS`]: it leaves out "replied" or
/// "claimed" and holds "line", "bit" or "who", so one list for both would change what each
/// finds.
pub const ABOUT_WORDS: &[&str] = &[
    "one",
    "quote",
    "quoted",
    "line",
    "bit",
    "thing",
    "something",
    "about",
    "said",
    "say",
    "says",
    "saying",
    "tweet",
    "tweeted",
    "post",
    "posted",
    "wrote",
    "remark",
    "comment",
    "who",
    "whom",
    "which",
    "where",
];
