//! Who said it: a paraphrase or fragment of a quote ("the one about a mean tweet", "they have
//! no money") → the quotes it most likely means.
//!
//! The text is read like a question (stop words dropped, words stemmed, aliases and
//! typos allowed) and each quotation is scored by how much of it the quotation's own words
//! cover, rarer words counting more, plus how close the two are in meaning. Several quotes
//! come back when they score alike; none when no quotation covers a quarter of it.

use crate::answer::Engine;
use crate::corpus::Quote;
use crate::error::UserError;
use crate::words::speech::ABOUT_WORDS;

/// Share of the text's content a quotation must cover to be a candidate. Chosen on half of
/// the development articles' paraphrases (`storybot eval --gold`): at 0.25 (with the meaning
/// vectors in the ranking) 11 of 12 found on that half and 11 of 12 on the other, and 1 of 24
/// paraphrases of another article's quote wrongly matched; at the former 0.5, 5 and 6 of 12.
pub const MIN_COVERAGE: f32 = 0.25;
/// Candidates within this much of the best are shown with it: the text is ambiguous.
pub const TIE_MARGIN: f32 = 0.15;
/// Most candidates shown.
pub const MAX_CANDIDATES: usize = 5;

#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub quote: &'a Quote,
    /// Share of the text's content the quotation covers, 0 to 1.
    pub coverage: f32,
    /// What candidates are ranked by: the coverage plus the cosine of the text's and the
    /// quotation's meaning vectors, so a loose paraphrase finds the quote its words only touch.
    pub score: f32,
}

/// The quotes `text` most likely means, best first; empty when none is close.
///
/// # Errors
/// A [`UserError`] for empty or overlong text, or text with no words to look for.
pub fn whosaid<'a>(engine: &'a Engine, text: &str) -> anyhow::Result<Vec<Candidate<'a>>> {
    let corpus = engine.corpus();
    let text = super::check_text(text, "some words of the quote", || super::example_words(corpus))?;
    // "tweet" is filler in "the one about a tweet" but the point of "mean tweet": keep the
    // describing words only when nothing else is left.
    let strict = engine.read_without(text, ABOUT_WORDS)?;
    let analysed = if strict.concepts.is_empty() { engine.read(text)? } else { strict };
    if analysed.concepts.is_empty() {
        return Err(UserError::new("Give some words of the quote, for example: the one about a mean tweet").into());
    }
    let meaning = engine.meaning(&analysed);
    let mut out: Vec<Candidate<'_>> = corpus
        .docs
        .iter()
        .flat_map(|d| d.quotes.iter())
        .map(|q| {
            // The speaker's names count too: "Musk on the money" means Musk's quote.
            let names: Vec<&str> = corpus
                .docs
                .iter()
                .flat_map(|d| d.entities.iter())
                .filter(|e| e.name == q.speaker)
                .flat_map(|e| e.forms())
                .collect();
            let quote = corpus.quote_text(q);
            let coverage = engine.coverage(&analysed, &format!("{quote} {}", names.join(" ")));
            let score = coverage + engine.similarity(meaning.as_ref(), quote);
            Candidate { quote: q, coverage, score }
        })
        .filter(|c| c.coverage >= MIN_COVERAGE)
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.quote.span.start.cmp(&b.quote.span.start)));
    if let Some(best) = out.first().map(|c| c.score) {
        out.retain(|c| c.score >= best - TIE_MARGIN);
    }
    out.truncate(MAX_CANDIDATES);
    Ok(out)
}
