//! Numbers written as words, and the words of money.

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

/// Words that make "how much" ask for money ("how much did it cost?", "how much money …"),
/// not a share or a size ("how much of the river", "how much water").
#[rustfmt::skip]
pub const MONEY_ASKING: &[&str] = &[
    "afford", "budget", "buy", "bought", "cash", "charge", "charged", "cost", "costs", "debt", "earn", "earned",
    "earns", "fine", "fined", "fund", "funding", "invest", "invested", "money", "owe", "owed", "owes", "paid",
    "pay", "pays", "price", "priced", "profit", "profits", "raise", "raised", "revenue", "revenues", "salary",
    "sell", "sold", "spend", "spends", "spent", "worth",
];

/// Currency symbols: a sentence with one states money.
pub const CURRENCY_SYMBOLS: &[char] = &['$', '€', '£', '¥'];

/// Currencies as written after a number ("354bn roubles", "1.5m euros"), in the plural; a
/// singular is the same word without its "s" ("one dollar").
pub const CURRENCIES: &[&str] =
    &["dollars", "euros", "pounds", "roubles", "rubles", "yen", "yuan", "rupees", "francs", "pence", "cents"];

/// The currency symbols as a regex class ("[$€£¥]"): each stands for itself inside brackets.
pub fn currency_class() -> String {
    format!("[{}]", CURRENCY_SYMBOLS.iter().collect::<String>())
}

/// Whether a word (any case) names a currency, in the plural or the singular.
pub fn is_currency(word: &str) -> bool {
    let lower = word.to_lowercase();
    CURRENCIES.iter().any(|c| *c == lower || c.strip_suffix('s') == Some(lower.as_str()))
}

/// The scales money is given in ("a $500 billion partnership", "260.75bn roubles").
pub const MONEY_SCALES: &[&str] = &["billion", "billions", "bn", "million", "millions", "trillion"];

/// Verbs of change after which "by X to Y" is how much and to what: two amounts, not a range
/// ("rose by 17,000 to 4.483 million").
#[rustfmt::skip]
pub const CHANGE_VERBS: &[&str] = &[
    "rose", "risen", "fell", "fallen", "grew", "grown", "increased", "decreased", "dropped", "climbed", "jumped",
    "slipped", "slumped", "cut", "reduced", "raised", "declined", "gained", "lost",
];
