//! Words that make a sentence an event of the timeline, or say when it happens relative to
//! the one before.

/// Words at the start of a sentence that carry it on from the event before.
pub const SEQUENCE: &[&str] = &["afterward", "afterwards", "later", "then", "next", "subsequently", "finally", "soon"];

/// Words at the start of a sentence that place it at an unstated time.
pub const UNDATED: &[&str] = &["eventually", "once", "earlier", "previously", "before"];

/// Common irregular past-tense verbs ("He spent …", "Musk left …"). A few are speech verbs
/// too ("said", "told", "wrote"): here they only show that someone did something.
pub const PAST: &[&str] = &[
    "left", "bought", "sold", "spent", "made", "took", "went", "came", "gave", "got", "won", "lost", "met", "paid",
    "built", "began", "became", "brought", "told", "said", "wrote", "ran", "sent", "set", "put", "held", "led",
    "found", "fell", "rose", "quit", "hired", "fired", "sued", "signed", "struck", "threw", "chose", "drove", "flew",
];
