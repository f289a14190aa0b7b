//! Abbreviations that end in a full stop without ending the sentence.

/// Words after which a period does not end a sentence even before a capital letter. Some
/// are titles or month names, but the list stands on its own: it holds only what is written
/// shortened with a full stop ("Dr.", "Sept."), so neither [`super::titles::TITLES`] nor the
/// calendar's names (where "may" is a word) can stand in for it.
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
    "rev", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "vol",
];
