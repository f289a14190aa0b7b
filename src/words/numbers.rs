//! Numbers written as words.

/// Words that are numbers ("seven", "million"), for matching values written in words.
#[rustfmt::skip]
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "trillion", "half", "dozen", "hundreds", "thousands", "millions", "billions", "dozens",
];

/// Whether a word (any case) is one of [`NUMBER_WORDS`].
pub fn is_number_word(word: &str) -> bool {
    NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Words that state a quantity without being a number. With [`NUMBER_WORDS`] except "one"
/// (a pronoun as often: "no one", "one of them"), they are how a sentence written in words
/// answers "how many".
pub const QUANTITY_WORDS: &[&str] =
    &["quarter", "twice", "double", "triple", "single", "both", "once", "several", "none", "couple", "pair"];
