//! From a question to ranked sentences.
//!
//! The question is never handed to tantivy's query parser: it is cleaned of invisible
//! characters and mention markup, split into words, stripped
//! of question words and filler, expanded with the corpus's aliases, stemmed with the index's
//! own analyzer, and turned into a query of weighted term clauses; each word also brings the
//! nouns and verbs made from it or it from them (WordNet's related forms, at a lower weight).
//! Words the index has never seen are matched to the closest indexed words (typos), and
//! nothing else is fuzzy.

mod aliases;
mod asks;
mod fuzzy;
mod normalise;
mod related;

use std::collections::HashSet;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

pub use aliases::AliasTable;
pub use asks::Asks;
use normalise::normalise;

use crate::corpus::{Figure, SentenceId};
use crate::index::StoryIndex;
use crate::words::questions::STOP_WORDS;

/// Weight of a term found by alias expansion, relative to the question's own words.
const ALIAS_WEIGHT: f32 = 0.6;
/// Weight of a term substituted for an unknown (misspelt) word.
const FUZZY_WEIGHT: f32 = 0.7;
/// Weight of a related form of the question's word ("founder" for "founded"). Chosen on the
/// development data among 0.3, 0.5 and 0.7, with [`RELATED_CREDIT`] (the README has the
/// figures).
const RELATED_WEIGHT: f32 = 0.5;
/// How much of its concept a related form covers, chosen with [`RELATED_WEIGHT`].
const RELATED_CREDIT: f32 = 0.3;
/// Neighbouring sentences count, but far less than the sentence itself.
const CONTEXT_WEIGHT: f32 = 0.3;
/// A quote's speaker field: "what did Musk say" should find "…,” he replied" too.
const SPEAKER_WEIGHT: f32 = 0.6;
/// How much a concept's other matching terms add to its best one.
const TIE_BREAKER: f32 = 0.2;
/// Questions are capped so a pasted essay cannot build a huge query.
pub const MAX_TERMS: usize = 32;

/// Where an index term of a concept came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The question's own word.
    Word,
    /// Another name of the same entity, from the corpus.
    Alias,
    /// The closest indexed word to a word the index does not know.
    Spelling,
    /// A noun or verb made from the word or it from them ("founder" for "founded").
    Related,
}

impl Source {
    /// Weight of the term in the query.
    pub fn weight(self) -> f32 {
        match self {
            Source::Word => 1.0,
            Source::Alias => ALIAS_WEIGHT,
            Source::Spelling => FUZZY_WEIGHT,
            Source::Related => RELATED_WEIGHT,
        }
    }

    /// How much of the concept a sentence covers by containing this term: an alias is the
    /// same entity; a corrected typo is probably the same word.
    pub fn credit(self) -> f32 {
        match self {
            Source::Word | Source::Alias => 1.0,
            Source::Spelling => 0.85,
            Source::Related => RELATED_CREDIT,
        }
    }
}

/// An index term standing for a concept.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptTerm {
    pub stem: String,
    pub source: Source,
    /// Whether some quote's speaker has this word in their name (most words: no).
    pub names_a_speaker: bool,
}

/// One content word of the question and the index terms that stand for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub word: String,
    /// Empty when nothing in the index is close to the word.
    pub terms: Vec<ConceptTerm>,
    /// Inverse document frequency of the concept over sentences (of the question's word, or
    /// of its rarest known term; the highest possible for a word the story never uses).
    pub idf: f32,
    /// Written with a capital letter and not the question's first word: likely a name.
    pub named: bool,
}

impl Concept {
    fn add(&mut self, stem: String, source: Source) {
        if !self.terms.iter().any(|t| t.stem == stem) {
            self.terms.push(ConceptTerm { stem, source, names_a_speaker: false });
        }
    }

    /// The best credit among this concept's terms found in `stems`.
    pub fn credit_in(&self, stems: &HashSet<String>) -> f32 {
        self.terms.iter().filter(|t| stems.contains(&t.stem)).map(|t| t.source.credit()).fold(0.0, f32::max)
    }
}

/// A question, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    pub asks: Asks,
    /// The figure the question asks for ("how many", "what year"): only a sentence stating one
    /// answers.
    pub figure: Option<Figure>,
    pub concepts: Vec<Concept>,
    /// The words a "how many" question counts: the content words right after it ("former
    /// MVP honorees" in "how many former MVP honorees were …").
    pub counted: Vec<String>,
}

impl Analysed {
    /// Every stem that counts as a match for some concept.
    pub fn stems(&self) -> HashSet<&str> {
        self.concepts.iter().flat_map(|c| c.terms.iter().map(|t| t.stem.as_str())).collect()
    }

    /// Whether the question names something (a capitalised word) the story never mentions.
    pub fn names_the_unknown(&self) -> bool {
        self.concepts.iter().any(|c| c.named && c.terms.is_empty())
    }

    /// Whether the question asks how many of something the story never mentions ("How many
    /// employees does OpenAI have?" of a story without employees): no sentence can state
    /// that count. One of the counted words the story uses is enough ("former MVP honorees").
    pub fn counts_the_unseen(&self) -> bool {
        let unseen = |word: &String| self.concepts.iter().any(|c| &c.word == word && c.terms.is_empty());
        !self.counted.is_empty() && self.counted.iter().all(unseen)
    }

    /// How many of the question's content words the story never uses.
    pub fn unseen_words(&self) -> usize {
        self.concepts.iter().filter(|c| c.terms.is_empty()).count()
    }
}

/// A sentence and its retrieval score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub sentence: SentenceId,
    pub score: f32,
}

/// User text cleaned the way questions are: NFC, invisible characters and Discord mention
/// markup removed.
pub fn clean(text: &str) -> String {
    normalise(text)
}

/// Stems one word with the index analyzer (it may yield nothing for overlong words).
pub fn stem(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    let mut out = None;
    while stream.advance() {
        out.get_or_insert_with(|| stream.token().text.clone());
    }
    out
}

/// Reads a question into concepts with index terms.
///
/// # Errors
/// Only from reading the index's term dictionary.
pub fn analyse(
    question: &str,
    index: &StoryIndex,
    aliases: &AliasTable,
    analyzer: &mut TextAnalyzer,
) -> tantivy::Result<Analysed> {
    let question = normalise(question);
    let surface: Vec<&str> = crate::index::words(&question).into_iter().take(MAX_TERMS * 4).collect();
    let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
    let (asks, filler) = asks::asks(&lower);
    let expansions = aliases.expansions(&surface, &lower);
    let mut concepts: Vec<Concept> = Vec::new();
    for (i, word) in lower.iter().enumerate() {
        if filler.contains(&i) || STOP_WORDS.contains(&word.as_str()) || concepts.len() >= MAX_TERMS {
            continue;
        }
        let Some(stemmed) = stem(analyzer, word) else { continue };
        if concepts.iter().any(|c| c.terms.first().is_some_and(|t| t.stem == stemmed)) {
            continue;
        }
        let named = i > 0 && surface[i].chars().next().is_some_and(char::is_uppercase);
        let mut concept = Concept { word: word.clone(), terms: Vec::new(), idf: 0.0, named };
        let related = related::of(analyzer, &stemmed);
        concept.add(stemmed, Source::Word);
        for r in related {
            concept.add(r, Source::Related);
        }
        for (_, alias_stems) in expansions.iter().filter(|(at, _)| *at == i) {
            for s in alias_stems {
                concept.add(s.to_string(), Source::Alias);
            }
        }
        if weigh(&mut concept, index, aliases)? {
            concepts.push(concept);
        }
    }
    let counted = asks::counted(&lower).iter().take_while(|w| !STOP_WORDS.contains(&w.as_str())).cloned().collect();
    Ok(Analysed { asks, figure: asks::figure(&lower), concepts, counted })
}

/// Sentences holding the stem, or quoting someone whose name has it.
fn doc_freq(index: &StoryIndex, stem: &str) -> u64 {
    index.stats.named_or_speaking(index.fields, stem)
}

/// Gives `concept` its idf and keeps only the terms the index holds; a word the story never
/// uses is corrected to the closest spelling it does use. `false` for a misspelt stop word,
/// which is no concept at all.
fn weigh(concept: &mut Concept, index: &StoryIndex, aliases: &AliasTable) -> tantivy::Result<bool> {
    let mut freqs: Vec<u64> = concept.terms.iter().map(|t| doc_freq(index, &t.stem)).collect();
    if freqs.iter().all(|&df| df == 0) {
        if fuzzy::is_misspelt_stop_word(&concept.word) {
            return Ok(false);
        }
        let stemmed = concept.terms.first().map(|t| t.stem.clone()).unwrap_or_default();
        concept.terms.clear();
        for t in fuzzy::closest(&index.reader.searcher(), index.fields.text, &stemmed, &concept.word)? {
            // "Twiter" corrected to "twitter" also finds Twitter's alias "X".
            let aliases: Vec<String> = aliases.for_word(&t).map(str::to_string).collect();
            concept.add(t, Source::Spelling);
            for alias in aliases {
                concept.add(alias, Source::Spelling);
            }
        }
        freqs = concept.terms.iter().map(|t| doc_freq(index, &t.stem)).collect();
    }
    // The question's own word decides how telling the concept is; an alias or relative
    // only when the word itself is unknown.
    let known =
        freqs.first().copied().filter(|&df| df > 0).or_else(|| freqs.iter().copied().filter(|&df| df > 0).min());
    concept.idf = idf(known.unwrap_or(0) as f32, index.stats.docs().max(1) as f32);
    // Terms the index does not hold can never match; leaving them out keeps queries small.
    let mut freq = freqs.iter();
    concept.terms.retain(|_| freq.next().is_some_and(|&df| df > 0));
    for t in &mut concept.terms {
        t.names_a_speaker = index.stats.doc_freq(index.fields.speaker, &t.stem) > 0;
    }
    Ok(true)
}

/// Whether a word (any case) carries no content in a question.
pub fn is_stop_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOP_WORDS.contains(&lower.as_str())
}

/// BM25's inverse document frequency of a term held by `doc_freq` of `total` sentences.
pub fn idf(doc_freq: f32, total: f32) -> f32 {
    (1.0 + (total - doc_freq + 0.5) / (doc_freq + 0.5)).ln()
}

/// The best `limit` sentences for the analysed question, by BM25 over the weighted terms.
///
/// # Errors
/// From tantivy while searching.
pub fn run(index: &StoryIndex, analysed: &Analysed, limit: usize) -> tantivy::Result<Vec<Hit>> {
    let f = index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for concept in &analysed.concepts {
        // A concept scores by its best matching term, so a word and its alias in the same
        // sentence do not count twice.
        let mut disjuncts: Vec<Box<dyn Query>> = Vec::new();
        for term in &concept.terms {
            let fields = [
                Some((f.text, 1.0)),
                Some((f.context, CONTEXT_WEIGHT)),
                term.names_a_speaker.then_some((f.speaker, SPEAKER_WEIGHT)),
            ];
            for (field, scale) in fields.into_iter().flatten() {
                let query = TermQuery::new(Term::from_field_text(field, &term.stem), IndexRecordOption::WithFreqs);
                disjuncts.push(Box::new(BoostQuery::new(Box::new(query), term.source.weight() * scale)));
            }
        }
        if disjuncts.len() == 1 {
            clauses.push((Occur::Should, disjuncts.remove(0)));
        } else if !disjuncts.is_empty() {
            clauses.push((Occur::Should, Box::new(DisjunctionMaxQuery::with_tie_breaker(disjuncts, TIE_BREAKER))));
        }
    }
    top_hits(index, clauses, limit)
}

/// Plain BM25 over the sentence text, the anchor `storybot eval` measures against: the
/// question's words minus stop words, stemmed by the index analyzer, one term clause each,
/// with no expansion, no neighbours and no re-ranking.
///
/// # Errors
/// From tantivy while searching.
pub fn plain_bm25(
    index: &StoryIndex,
    question: &str,
    analyzer: &mut TextAnalyzer,
    limit: usize,
) -> tantivy::Result<Vec<Hit>> {
    let question = normalise(question);
    let mut seen = HashSet::new();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for word in crate::index::words(&question).into_iter().take(MAX_TERMS * 4) {
        let lower = word.to_lowercase();
        if STOP_WORDS.contains(&lower.as_str()) {
            continue;
        }
        if let Some(stemmed) = stem(analyzer, &lower).filter(|s| seen.insert(s.clone())) {
            let term = Term::from_field_text(index.fields.text, &stemmed);
            clauses.push((Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))));
        }
    }
    top_hits(index, clauses, limit)
}

/// The best `limit` sentences for a disjunction of clauses, scored with the index's own
/// statistics.
fn top_hits(index: &StoryIndex, clauses: Vec<(Occur, Box<dyn Query>)>, limit: usize) -> tantivy::Result<Vec<Hit>> {
    if clauses.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let searcher = index.reader.searcher();
    // Twice as many as wanted, so that equal scores come in the order of the corpus rather than
    // in that of whichever indexing thread's segment holds them (it differs between builds).
    // A sort key reading each sentence's id would order every tie, but it keeps tantivy from
    // skipping blocks that cannot reach the top (5,000 articles measured slower with it).
    let collector = TopDocs::with_limit(limit.saturating_mul(2)).order_by_score();
    let top = searcher.search_with_statistics_provider(&BooleanQuery::new(clauses), &collector, &index.stats)?;
    let mut hits: Vec<Hit> = top
        .into_iter()
        .filter_map(|(score, address)| {
            // The index keeps the sentence id as a plain number: its `ord` fast field.
            let ord = index.ords.get(address.segment_ord as usize)?.first(address.doc_id)?;
            Some(Hit { sentence: SentenceId::new(ord as usize), score })
        })
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
    hits.truncate(limit);
    Ok(hits)
}
