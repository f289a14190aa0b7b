//! Loading one corpus file: the stages [`Corpus::add`] runs, in order.
//!
//! Each stage reads what the stages before it made, and the order is part of the rules: the
//! roles the front matter lists are in place before attribution reads roles ("the home
//! secretary said"); the quotes it lists win over the speakers the rules found; and quotes
//! lend their speakers to sentences only once the list has had its say; a role the text
//! gives only by description ("the prime minister") goes to whoever has none once
//! attribution has given the roles it reads, and only then can a phrase quoted after "The
//! Tory leader … has said" go to whoever holds that office. A broken file stops
//! at the first problem in that order, so which one is reported depends on it too.
//!
//! Until [`Corpus::push`], sentences are numbered within the document: a quote's
//! [`SentenceId`] is its sentence's place in the document's list, which `push` turns into
//! the corpus's id.

use std::ops::Range;
use std::path::PathBuf;

use super::attribution::{self, Found};
use super::file::{self, FactEntry, FrontMatter};
use super::segment::{self, RawSentence};
use super::{
    features, names, Corpus, CorpusError, DocId, Document, Entity, EntityKind, Features, Kind, ListedFact, Mention,
    Quote, Sentence, SentenceId, Source, UNATTRIBUTED,
};

impl Corpus {
    /// Loads one file and appends it, its sentences and what the rules found in them.
    pub(super) fn add(&mut self, source: Source) -> Result<(), CorpusError> {
        let file = parse(source)?;
        let segments = segment(&file)?;
        let (mut entities, mentions) = find_names(&file, &segments);
        add_listed_roles(&file, &mut entities)?;
        let (mut sentences, mut found) = attribute(&file, &segments, &entities, &mentions, DocId::new(self.docs.len()));
        super::roles::add_cued_roles(&file.text, &found, &mut entities);
        let spans = segments.spans();
        super::described::add_described_roles(&file.text, &spans, &mut entities, &mentions);
        let described = super::described::add_described_speakers(&file.text, &spans, &mut found, &entities, &mentions);
        for f in described.iter().map(|&i| &found[i]) {
            let sentence = &mut sentences[f.sentence];
            if sentence.speaker.is_none() {
                sentence.speaker = f.speaker.as_ref().map(|s| s.name(&file.text, &entities));
            }
        }
        super::names::add_speakers(&file.text, &found, &mut entities, &mentions);
        for sentence in &mut sentences {
            sentence.features = features_of(&file, sentence.span.clone(), &entities, &mentions);
        }
        let mut quotes = found_quotes(&file, &found, &entities);
        apply_listed_quotes(&file, &mut quotes, &mut sentences)?;
        propagate_speakers(&quotes, &mut sentences);
        let listed_facts = listed_facts(&file)?;
        let parts = Parts { paragraphs: segments.paragraphs, entities, mentions, quotes, listed_facts };
        self.push(file.into_document(parts), sentences);
        Ok(())
    }

    /// Appends a document and its sentences, turning the sentence numbers of the document
    /// (what every stage before counts in) into indices of [`Corpus::sentences`].
    fn push(&mut self, mut doc: Document, sentences: Vec<Sentence>) {
        let first = self.sentences.len();
        doc.sentences = SentenceId::new(first)..SentenceId::new(first + sentences.len());
        for q in &mut doc.quotes {
            q.sentence = SentenceId::new(first + q.sentence.index());
        }
        self.sentences.extend(sentences);
        self.docs.push(doc);
    }
}

/// A file as text, its front matter read and its date and URL checked: what every later
/// stage reads, and what turns a byte offset into the line of a problem.
struct Parsed {
    path: PathBuf,
    text: String,
    meta: FrontMatter,
    /// Where the front matter's TOML starts, to turn its spans into offsets of the file.
    meta_offset: usize,
    body: Range<usize>,
    url: Option<String>,
}

/// The first stage: the bytes as UTF-8 text, split into front matter and body, with the
/// front matter's date and URL checked (in that order).
fn parse(source: Source) -> Result<Parsed, CorpusError> {
    let path = source.path;
    let text = String::from_utf8(source.bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = file::line_of(&String::from_utf8_lossy(&e.as_bytes()[..at]), at);
        CorpusError {
            path: path.clone(),
            line: Some(line),
            message: "is not UTF-8 text; save the file as UTF-8".into(),
        }
    })?;
    let parsed = match file::parse(&text) {
        Ok(parsed) => parsed,
        Err(p) => {
            let line = Some(file::line_of(&text, p.at));
            return Err(CorpusError { path, line, message: p.message });
        }
    };
    let mut file =
        Parsed { path, text, meta: parsed.meta, meta_offset: parsed.meta_offset, body: parsed.body, url: None };
    if let Some(date) = &file.meta.date {
        if !file::is_iso_date(date.get_ref()) {
            return Err(file.meta_problem(date, format!("date {:?} is not YYYY-MM-DD", date.get_ref())));
        }
    }
    file.url = file.check_url(file.meta.url.as_ref())?;
    Ok(file)
}

impl Parsed {
    /// A problem at a byte offset of the file.
    fn problem(&self, at: usize, message: String) -> CorpusError {
        CorpusError { path: self.path.clone(), line: Some(file::line_of(&self.text, at)), message }
    }

    /// A problem with a value of the front matter, at the value's line.
    fn meta_problem<T>(&self, value: &toml::Spanned<T>, message: String) -> CorpusError {
        self.problem(self.meta_offset + value.span().start, message)
    }

    /// A URL of the front matter, which must be a web link.
    fn check_url(&self, url: Option<&toml::Spanned<String>>) -> Result<Option<String>, CorpusError> {
        match url {
            Some(u) if !(u.get_ref().starts_with("https://") || u.get_ref().starts_with("http://")) => {
                Err(self.meta_problem(u, format!("url {:?} must start with https:// or http://", u.get_ref())))
            }
            Some(u) => Ok(Some(u.get_ref().clone())),
            None => Ok(None),
        }
    }

    /// Where the body holds `wanted` (a `what` of the front matter) verbatim.
    fn verbatim(&self, wanted: &toml::Spanned<String>, what: &str) -> Result<Range<usize>, CorpusError> {
        let w = wanted.get_ref();
        match self.text[self.body.clone()].find(w.as_str()).filter(|_| !w.trim().is_empty()) {
            Some(at) => Ok(self.body.start + at..self.body.start + at + w.len()),
            None => Err(self.meta_problem(
                wanted,
                format!("{what} {w:?} is not in the article text verbatim (copy it from the body, including its apostrophes and punctuation)"),
            )),
        }
    }

    /// The last stage's document, its title defaulting to the file name.
    fn into_document(self, parts: Parts) -> Document {
        let id = self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let title = self.meta.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| id.clone());
        Document {
            id,
            title,
            date: self.meta.date.map(toml::Spanned::into_inner),
            url: self.url,
            path: self.path,
            text: self.text,
            body: self.body,
            paragraphs: parts.paragraphs,
            sentences: SentenceId::new(0)..SentenceId::new(0),
            quotes: parts.quotes,
            entities: parts.entities,
            mentions: parts.mentions,
            listed_facts: parts.listed_facts,
        }
    }
}

/// What the stages found in a document, for [`Parsed::into_document`].
struct Parts {
    paragraphs: Vec<Range<usize>>,
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
    quotes: Vec<Quote>,
    listed_facts: Vec<ListedFact>,
}

/// The body in paragraphs, and each paragraph's sentences.
struct Segments {
    paragraphs: Vec<Range<usize>>,
    /// Every sentence of the body with its paragraph and its number in that paragraph.
    sentences: Vec<(usize, usize, RawSentence)>,
}

impl Segments {
    fn spans(&self) -> Vec<Range<usize>> {
        self.sentences.iter().map(|(_, _, s)| s.span.clone()).collect()
    }
}

/// The body split into paragraphs and sentences. Needs the body from [`parse`]; a body
/// without text is a problem, reported after the front matter's own.
fn segment(file: &Parsed) -> Result<Segments, CorpusError> {
    let paragraphs = segment::split_paragraphs(&file.text, file.body.clone());
    if paragraphs.is_empty() {
        return Err(CorpusError {
            path: file.path.clone(),
            line: None,
            message: "has no article text after its front matter".into(),
        });
    }
    let sentences = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(p, para)| {
            segment::split_sentences(&file.text, para.clone()).into_iter().enumerate().map(move |(n, r)| (p, n, r))
        })
        .collect();
    Ok(Segments { paragraphs, sentences })
}

/// The entities the front matter lists, in its order, then the names the rules find, with
/// every mention and the roles the text gives. Needs the sentences: names are read sentence
/// by sentence, since a capital that opens one proves nothing.
fn find_names(file: &Parsed, segments: &Segments) -> (Vec<Entity>, Vec<Mention>) {
    let listed = file
        .meta
        .entities
        .iter()
        .map(|e| Entity {
            name: e.name.clone(),
            kind: e.kind.clone(),
            aliases: e.aliases.clone(),
            roles: Vec::new(),
            listed: true,
        })
        .collect();
    names::find(&file.text, &segments.spans(), listed)
}

/// Puts the role the front matter gives an entity before the roles the text gives it.
/// After [`find_names`], whose entities start with the listed ones in list order; before
/// [`attribute`], which reads roles to tell who "the home secretary" is.
fn add_listed_roles(file: &Parsed, entities: &mut [Entity]) -> Result<(), CorpusError> {
    for (entity, entry) in entities.iter_mut().zip(&file.meta.entities) {
        if let Some(role) = &entry.role {
            entity.roles.insert(0, file.verbatim(role, "role")?);
        }
    }
    Ok(())
}

/// Every sentence labelled (direct quote, partial quote, reported speech or narration, with
/// its speaker), and every quotation the rules find. Needs the entities with all their roles
/// and kinds, and every mention: after [`add_listed_roles`]. Features come after, once the
/// speakers have settled the last kinds ([`features_of`]).
fn attribute(
    file: &Parsed,
    segments: &Segments,
    entities: &[Entity],
    mentions: &[Mention],
    doc: DocId,
) -> (Vec<Sentence>, Vec<Found>) {
    let (labels, found) = attribution::attribute(&file.text, &segments.spans(), entities, mentions);
    let sentences = segments
        .sentences
        .iter()
        .zip(&labels)
        .map(|((paragraph, number, raw), label)| Sentence {
            doc,
            paragraph: *paragraph,
            number: *number,
            span: raw.span.clone(),
            link: raw.link.clone(),
            speaker: label.speaker.as_ref().map(|s| s.name(&file.text, entities)),
            kind: label.kind,
            source: label.source.clone(),
            features: Features::default(),
        })
        .collect();
    (sentences, found)
}

/// What a sentence's words show (quotation marks), and whether it names a person or a place.
fn features_of(file: &Parsed, span: Range<usize>, entities: &[Entity], mentions: &[Mention]) -> Features {
    let mut features = features::detect(&file.text[span.clone()]);
    let named = |kind: EntityKind| {
        mentions.iter().any(|m| {
            span.start <= m.span.start && m.span.end <= span.end && entities[m.entity].kind.as_ref() == Some(&kind)
        })
    };
    features.person = named(EntityKind::Person);
    features.place = named(EntityKind::Place);
    features
}

/// The quotations [`attribute`] found, each with its speaker's name or [`UNATTRIBUTED`];
/// the front matter corrects them next.
fn found_quotes(file: &Parsed, found: &[Found], entities: &[Entity]) -> Vec<Quote> {
    found
        .iter()
        .map(|f| Quote {
            speaker: f.speaker.as_ref().map_or_else(|| UNATTRIBUTED.to_string(), |s| s.name(&file.text, entities)),
            span: f.span.clone(),
            url: None,
            sentence: SentenceId::new(f.sentence),
            direct: f.direct,
            cue: f.cue.clone(),
        })
        .collect()
}

/// The quotes the front matter lists win over the rules: one overlapping a quotation found
/// takes its speaker and URL, one the rules missed is added, and its sentence becomes a
/// direct quote if the rules read it as narration or reported speech. Needs the labelled
/// sentences; leaves the quotes in text order.
fn apply_listed_quotes(file: &Parsed, quotes: &mut Vec<Quote>, sentences: &mut [Sentence]) -> Result<(), CorpusError> {
    for q in &file.meta.quotes {
        let span = file.verbatim(&q.text, "quote")?;
        let sentence = sentences
            .iter()
            .position(|s| s.span.start <= span.start && span.start < s.span.end)
            .ok_or_else(|| file.meta_problem(&q.text, "quote is not inside a sentence of the article".into()))?;
        let url = file.check_url(q.url.as_ref())?;
        // The list wins over the rules: it may name a speaker the text leaves implicit.
        match quotes.iter_mut().find(|f| f.span.start < span.end && span.start < f.span.end) {
            Some(f) => {
                f.speaker = q.speaker.clone();
                f.url = url;
            }
            None => {
                let sentence = SentenceId::new(sentence);
                quotes.push(Quote { speaker: q.speaker.clone(), span, url, sentence, direct: true, cue: None });
            }
        }
        if matches!(sentences[sentence].kind, Kind::Narration | Kind::Reported) {
            sentences[sentence].kind = Kind::DirectQuote;
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    Ok(())
}

/// Gives a sentence that has no speaker yet the speaker of its first quote. After
/// [`apply_listed_quotes`], so that a speaker only the list names reaches its sentence and
/// the sentences it made direct quotes count as such; reported speech keeps its own.
fn propagate_speakers(quotes: &[Quote], sentences: &mut [Sentence]) {
    for q in quotes {
        if q.speaker != UNATTRIBUTED {
            let sentence = &mut sentences[q.sentence.index()];
            if sentence.kind != Kind::Reported {
                sentence.speaker.get_or_insert_with(|| q.speaker.clone());
            }
        }
    }
}

/// What the front matter says amounts and dates measure, each found verbatim in the body.
/// Checked last, so a broken quote is reported before a broken fact.
fn listed_facts(file: &Parsed) -> Result<Vec<ListedFact>, CorpusError> {
    file.meta.facts.iter().map(|f| Ok(ListedFact { span: fact_span(file, f)?, measures: f.measures.clone() })).collect()
}

/// Where a listed fact is: inside the longer phrase given with it, when it repeats.
fn fact_span(file: &Parsed, f: &FactEntry) -> Result<Range<usize>, CorpusError> {
    let Some(within) = &f.within else {
        return file.verbatim(&f.text, "fact");
    };
    let outer = file.verbatim(within, "fact context")?;
    let wanted = f.text.get_ref();
    match file.text[outer.clone()].find(wanted.as_str()) {
        Some(at) => Ok(outer.start + at..outer.start + at + wanted.len()),
        None => Err(file.meta_problem(&f.text, format!("fact {:?} is not inside {:?}", wanted, within.get_ref()))),
    }
}
