//! Who says what: every sentence labelled direct quote, partial quote, reported speech or
//! narration, and every quotation given its speaker from the words around it.
//!
//! A quotation's speaker is named next to a speech verb: after it ("…,” Altman replied",
//! "…,” said councillor Tom Becker") or before it ("Altman pointed out to Musk that “…”").
//! A pronoun ("…,” he replied") is the person named last before it, outside quotations.
//! The rules read the text only; a document's listed quotes may still name a speaker the
//! text leaves implicit (see [`super::Corpus`]).

use std::ops::Range;

use super::gender::{self, Gender};
use super::mention::Mention;
use super::names::{is_honorific, is_title, starts_capitalised};
use super::tokens::{inside, is_owner, quotations, words};
use super::{Entity, EntityKind};
use crate::words::grammar::{AUXILIARIES, BE_FORMS, CLAUSE_WORDS, DEFINITE, DETERMINERS, INDEFINITE, PREPOSITIONS};
use crate::words::organisation_nouns::is_organisation_noun;
use crate::words::person_nouns::is_person_noun;
use crate::words::speech::{DENIALS, SPEECH_VERBS, UNNAMED_SOURCES};
use crate::words::titles::OTHER_OFFICE;

/// What a sentence is, as far as who is speaking goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The sentence quotes someone's words as a whole clause.
    DirectQuote,
    /// A quoted phrase inside the writer's own sentence (“on good authority”).
    PartialQuote,
    /// Someone's words retold without quote marks ("according to …", "posting that …").
    Reported,
    #[default]
    Narration,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::DirectQuote => "direct quote",
            Kind::PartialQuote => "partial quote",
            Kind::Reported => "reported speech",
            Kind::Narration => "narration",
        }
    }
}

/// Who speaks: an entity of the document, or a source the text leaves unnamed ("a
/// spokesman for the Home Office"), kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    Entity(usize),
    Unnamed(Range<usize>),
}

impl Speaker {
    /// The entity's name, or the unnamed source's words.
    pub fn name(&self, text: &str, entities: &[Entity]) -> String {
        match self {
            Speaker::Entity(e) => entities[*e].name.clone(),
            Speaker::Unnamed(r) => text[r.clone()].to_string(),
        }
    }
}

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The quoted words, without the quote marks.
    pub span: Range<usize>,
    /// Index of the sentence (among those passed in).
    pub sentence: usize,
    pub direct: bool,
    /// Who speaks, when the text says.
    pub speaker: Option<Speaker>,
    /// Where the text names the speaker ("Altman", "he").
    pub cue: Option<Range<usize>>,
}

/// A sentence's label, its speaker when it reports speech, and what it reports from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Label {
    pub kind: Kind,
    pub speaker: Option<Speaker>,
    /// For reported speech: who or what is reported ("the announcement").
    pub source: Option<Range<usize>>,
}

/// Whether the last speech verb in `range`, not counting the -ing forms it governs, is a
/// denial ("he denied accusing Germany of …"); `None` when `range` has no speech verb.
pub(super) fn last_verb_denies(text: &str, range: Range<usize>) -> Option<bool> {
    words(text, range)
        .iter()
        .map(|w| text[w.clone()].to_lowercase())
        .rfind(|w| is_speech_verb(w) && !w.ends_with("ing"))
        .map(|w| DENIALS.contains(&w.as_str()))
}

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word.to_lowercase().as_str())
}

/// Labels every sentence and finds every quotation with its speaker.
///
/// A quotation's speaker is the subject of the speech verb next to it (see `subject`);
/// one with no verb of its own goes on the run it continues: the last quotation's speaker
/// when that quotation is in the same or the previous paragraph.
pub fn attribute(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[Entity],
    mentions: &[Mention],
) -> (Vec<Label>, Vec<Found>) {
    let quoted = quotations_of(text, sentences);
    let paragraphs = paragraph_numbers(text, sentences);
    let genders = gender::of_entities(text, entities, mentions);
    let reader = Reader {
        text,
        entities,
        mentions,
        genders,
        quoted: quoted.iter().map(|(_, q)| q.clone()).collect(),
        sentences,
    };
    let mut labels = vec![Label::default(); sentences.len()];
    let mut found: Vec<Found> = Vec::new();
    // The last speaker, where they spoke, and the paragraph of their quotation.
    let mut last: Option<(Speaker, usize, usize)> = None;
    for (k, (i, q)) in quoted.iter().enumerate() {
        let QuotationRead { direct, named, cued, denied } = reader.read_quotation(&quoted, k, last.as_ref());
        let (speaker, cue) = match named {
            _ if denied => (None, None),
            Some((s, cue)) => (Some(s), Some(cue)),
            None => {
                // A source the narration reports since the last quotation takes the run over:
                // unnamed ("a spokesman said it was …"), or, before a quotation that is a
                // sentence of its own with no cue, named by the sentence before ("Peter
                // Nielson, who is UKIP Scotland chairman, said he had suspended Mr Houston. "He
                // will remain …"", or its subject: "McEnroe wants … "I think …"").
                let since = last.as_ref().map_or(0, |l| l.1);
                let salient = Salience { last: last.as_ref().map(|l| (&l.0, l.1)), at: q.start };
                let narrated = reader
                    .narrated_source(since, q.start)
                    .map(|n| n.0)
                    .or_else(|| (direct && !cued).then(|| reader.narrated_speaker(since, q.start, &salient)).flatten());
                // A run of speech goes on into the next paragraph; a phrase quoted inside
                // narration with no cue only within the speaker's own (in the next, "the
                // "local loop"" is the writer's).
                let reach = if direct { 1 } else { 0 };
                // A cue after the quote that names no one found (", it has confirmed" with no
                // organisation before it) still says the quote is not the run's.
                let run_on = last.as_ref().filter(|l| !cued && l.2 + reach >= paragraphs[*i]).map(|l| l.0.clone());
                (narrated.or(run_on), None)
            }
        };
        if let Some(s) = &speaker {
            last = Some((s.clone(), q.start, paragraphs[*i]));
        }
        found.push(Found { span: inside(text, q.clone()), sentence: *i, direct, speaker: speaker.clone(), cue });
        let label = &mut labels[*i];
        let kind = if direct { Kind::DirectQuote } else { Kind::PartialQuote };
        if label.kind != Kind::DirectQuote {
            label.kind = kind;
            label.speaker = label.speaker.clone().or(speaker);
        }
    }
    for (i, sentence) in sentences.iter().enumerate() {
        if labels[i].kind == Kind::Narration {
            labels[i] = reader.reported(sentence.clone()).unwrap_or_default();
        }
    }
    (labels, found)
}

/// Every quotation with something in it, marks included, with the index of its sentence.
fn quotations_of(text: &str, sentences: &[Range<usize>]) -> Vec<(usize, Range<usize>)> {
    sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| quotations(text, s.clone()).into_iter().map(move |q| (i, q)))
        .filter(|(_, q)| !text[inside(text, q.clone())].trim().is_empty())
        .collect()
}

/// The paragraph of each sentence, counting blank lines between sentences.
fn paragraph_numbers(text: &str, sentences: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut p = 0;
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 && text[sentences[i - 1].end..s.start].matches('\n').count() >= 2 {
            p += 1;
        }
        out.push(p);
    }
    out
}

/// Where the words naming a speaker are: the subject of a speech verb, before it ("Mr Brown
/// said") or after it ("said Mr Brown").
#[derive(Debug, Clone)]
struct Cue {
    /// The words that may name the speaker.
    subject: Range<usize>,
    /// The subject stands after the verb ("said the spokesman").
    inverted: bool,
}

/// What the words around one quotation say of it.
struct QuotationRead {
    /// A whole clause, not a phrase inside the writer's sentence.
    direct: bool,
    /// The speaker they name, and where.
    named: Option<(Speaker, Range<usize>)>,
    /// A cue follows it, whether or not it names anyone found.
    cued: bool,
    /// A phrase quoted under a denial: nobody's words, and no run of anyone's.
    denied: bool,
}

/// What a pronoun or a role may refer to: the last speaker and where they spoke, and where
/// the reference is.
struct Salience<'a> {
    last: Option<(&'a Speaker, usize)>,
    at: usize,
}

struct Reader<'a> {
    text: &'a str,
    entities: &'a [Entity],
    mentions: &'a [Mention],
    genders: Vec<Option<Gender>>,
    /// Every quotation of the document, marks included.
    quoted: Vec<Range<usize>>,
    sentences: &'a [Range<usize>],
}

impl Reader<'_> {
    fn in_quote(&self, at: usize) -> bool {
        self.quoted.iter().any(|q| q.start <= at && at < q.end)
    }

    /// What the words around the quotation `quoted[k]` say of it. `last` is the last speaker,
    /// where they spoke, and the paragraph of their quotation.
    fn read_quotation(
        &self,
        quoted: &[(usize, Range<usize>)],
        k: usize,
        last: Option<&(Speaker, usize, usize)>,
    ) -> QuotationRead {
        let (i, q) = &quoted[k];
        let (text, sentence) = (self.text, self.sentences[*i].clone());
        let prev_end = k.checked_sub(1).filter(|&p| quoted[p].0 == *i).map_or(sentence.start, |p| quoted[p].1.end);
        // The quotation `j`, when it is in this sentence too.
        let here = |j: usize| quoted.get(j).filter(|n| n.0 == *i).map(|n| n.1.clone());
        let next = here(k + 1);
        let next_start = next.as_ref().map_or(sentence.end, |n| n.start);
        let before = text[prev_end..q.start].trim_end();
        let runs_to_end = !text[q.end..sentence.end].chars().any(char::is_alphanumeric);
        let last_before = words(text, prev_end..q.start).pop().map(|w| text[w].to_lowercase());
        // "promised "several initiatives".": words in lower case right after a verb or "that",
        // with the sentence's full stop outside the marks, are the object of the sentence's
        // own verb, not a sentence someone said (which keeps its stop inside).
        let words_inside = &text[inside(text, q.clone())];
        let opens_lower = words_inside.starts_with(char::is_lowercase) && !words_inside.ends_with(['.', '!', '?']);
        let introduced = before.is_empty()
            || before.ends_with([',', ':'])
            || (!opens_lower && last_before.as_deref().is_some_and(|w| w == "that" || is_speech_verb(w)));
        let between = next.as_ref().map(|n| text[q.end..n.start].trim());
        let cue_after = match &next {
            // "described as "irresponsible" and "outrageous" by the IHRC": one cue for both.
            Some(n) if between.is_some_and(|b| matches!(b.trim_matches(','), "and" | "or")) => {
                self.cue_after(n.end, here(k + 2).map_or(sentence.end, |n| n.start))
            }
            // "Reminded that Ferguson called him "a disgrace", Wenger added: "…"": a cue
            // ending in a colon introduces the next quotation, not a phrase quoted before it.
            Some(_) if !introduced && between.is_some_and(|b| b.ends_with(':')) => None,
            _ => self.cue_after(q.end, next_start),
        };
        let direct =
            text[sentence.start..q.start].trim().is_empty() || (introduced && (runs_to_end || cue_after.is_some()));
        let salient = Salience { last: last.map(|l| (&l.0, l.1)), at: q.start };
        let cue_before = self.cue_before(prev_end, q.start);
        // "The book, published on Monday, says the pair have "mutual contempt"": a cue before
        // a quoted phrase, with a subject it names no one by, says the phrase is not the run's.
        let cued = cue_after.is_some() || (!direct && cue_before.as_ref().is_some_and(|c| !c.subject.is_empty()));
        let named = cue_after
            .and_then(|c| self.speaker_of(&c, &salient))
            .or_else(|| cue_before.and_then(|c| self.speaker_of(&c, &salient)))
            .or_else(|| (!direct).then(|| self.closing_cue(q.end, sentence.end, &salient)).flatten())
            .or_else(|| (!direct).then(|| self.sentence_subject(sentence.start, q.start, &salient)).flatten());
        let denied = !direct && self.denied(prev_end, q.start);
        QuotationRead { direct, named, cued, denied }
    }

    /// "he denied accusing Germany of using the EU as cover for a "4th German Reich"": the last
    /// speech verb before a phrase, not counting the -ing forms it governs, is a denial, so the
    /// phrase is words its subject says they never used. Not "Mr Blair, who denied …, said
    /// abortion was a "difficult issue"".
    fn denied(&self, from: usize, at: usize) -> bool {
        last_verb_denies(self.text, from..at) == Some(true)
    }

    fn is_person(&self, entity: usize) -> bool {
        matches!(self.entities[entity].kind, Some(EntityKind::Person) | None)
    }

    /// A person by what the text shows (a title, a first name, a lone surname of a full name).
    fn is_named_person(&self, entity: usize) -> bool {
        self.entities[entity].kind == Some(EntityKind::Person)
    }

    fn speaker_kind(&self, entity: usize) -> bool {
        matches!(self.entities[entity].kind, Some(EntityKind::Person | EntityKind::Organisation) | None)
    }

    fn word(&self, w: &Range<usize>) -> String {
        self.text[w.clone()].to_lowercase()
    }

    /// A speech verb within the first words after a quotation, with its subject: `," he
    /// said`, `," the Salford MP told …`, `," said WTO spokesman Keith Rockwell`,
    /// `, according to …`, or `by …` after a quoted phrase.
    fn cue_after(&self, from: usize, to: usize) -> Option<Cue> {
        let ws = words(self.text, from..to);
        let lead = &self.text[from..ws.first()?.start];
        if lead.contains(['.', '!', '?', ';']) && !lead.contains(',') {
            return None;
        }
        let lower: Vec<String> = ws.iter().map(|w| self.word(w)).collect();
        let verb = lower.iter().take(MAX_SUBJECT_WORDS + 1).position(|w| is_speech_verb(w) || w == "according");
        // A longer subject when commas set off an apposition, or when a name ends it ("," the
        // Washington-based independent think-tank The Brookings Institution says").
        let named_last = |v: usize| v > 0 && self.mentions.iter().any(|m| m.span.end == ws[v - 1].end);
        let verb = verb.filter(|&v| {
            v <= MAX_PLAIN_SUBJECT_WORDS || self.text[ws[0].start..ws[v].start].contains(',') || named_last(v)
        });
        let Some(v) = verb else {
            return lower
                .first()
                .is_some_and(|w| w == "by")
                .then(|| Cue { subject: self.phrase_after(&ws, 1, to), inverted: true });
        };
        // An apposition may hold commas ("Andrew Pendleton, Christian Aid's head of trade,
        // said"); anything else between is a clause of its own.
        if v > 0 && self.text[ws[0].start..ws[v].start].contains([';', ':', '(']) {
            return None;
        }
        if v == 0 || lower[v] == "according" {
            let skip = if lower[v] == "according" { v + 2 } else { v + 1 };
            return Some(Cue { subject: self.phrase_after(&ws, skip, to), inverted: true });
        }
        // Up to the verb, so that a comma closing an apposition stays in the subject.
        Some(Cue { subject: ws[0].start..ws[v].start, inverted: false })
    }

    /// The words after `ws[skip]` up to the end of their clause, with an apposition after a
    /// comma ("the festival's executive director, Craig Prater").
    fn phrase_after(&self, ws: &[Range<usize>], skip: usize, to: usize) -> Range<usize> {
        let Some(first) = ws.get(skip) else { return to..to };
        let rest = &self.text[first.start..to];
        let end = rest.find(['.', ';', ':', '!', '?', '(']).unwrap_or(rest.len());
        let mut phrase = rest[..end].trim_end();
        // Keep one apposition at most: "said Mr X, chief economist at Y, …" names Mr X.
        if let Some((head, tail)) = phrase.split_once(',') {
            let tail = tail.split(',').next().unwrap_or_default();
            phrase = &rest[..head.len() + 1 + tail.len()];
        }
        first.start..first.start + phrase.trim_end().len()
    }

    /// The last speech verb before a quotation in its sentence, with its subject: `Mr Brown
    /// said: "`, `Observes Mr Hadi: "`, `Ms Lee told BBC News that "`.
    fn cue_before(&self, from: usize, open: usize) -> Option<Cue> {
        let ws: Vec<Range<usize>> =
            words(self.text, from..open).into_iter().filter(|w| !self.in_quote(w.start)).collect();
        let lower: Vec<String> = ws.iter().map(|w| self.word(w)).collect();
        // "over claims its campaign broke the rules", "the claims": a speech word after a
        // determiner or a preposition is a noun ("to" aside: "went on to say"), but not a
        // gerund ("made a point of saying that …").
        let noun = |k: usize| {
            k > 0 && !lower[k].ends_with("ing") && {
                let before = lower[k - 1].as_str();
                DETERMINERS.contains(&before) || (PREPOSITIONS.contains(&before) && before != "to")
            }
        };
        let v = (0..lower.len()).rev().find(|&k| (is_speech_verb(&lower[k]) && !noun(k)) || lower[k] == "according")?;
        if lower[v] == "according" {
            let end = self.text[ws.get(v + 2)?.start..open].find(',').map_or(open, |i| ws[v + 2].start + i);
            return Some(Cue { subject: ws[v + 2].start..end, inverted: true });
        }
        let start = clause_start(self.text, from, ws[v].start);
        if ws[v].start <= start || self.text[start..ws[v].start].trim().is_empty() {
            // "Max Lawson welcomed the statement and said": the subject of the clause before.
            if v > 0 && lower[v - 1] == "and" {
                let before = clause_start(self.text, from, ws[v - 1].start);
                return self.opening_names(before..ws[v - 1].start).map(|subject| Cue { subject, inverted: false });
            }
            // "has resigned after admitting a "brief attachment"": a gerund opening its clause
            // has no subject of its own after it (the sentence's is its subject).
            if lower[v].ends_with("ing") {
                return None;
            }
            // The verb opens its clause: "Observes Mr Hadi:".
            return Some(Cue { subject: self.phrase_after(&ws, v + 1, open), inverted: true });
        }
        // "Eve Trew, who has taught ballet for 48 years, told": the subject stands before the
        // relative clause.
        let opener = ws.iter().position(|w| w.end == start).map(|k| lower[k].as_str());
        if matches!(opener, Some("who" | "which")) && self.text[start..ws[v].start].trim_end().ends_with(',') {
            let comma = self.text[from..start].rfind(',').map(|i| from + i);
            if let Some(comma) = comma.filter(|&c| self.text[c + 1..start].split_whitespace().count() == 1) {
                return Some(Cue { subject: clause_start(self.text, from, comma)..comma, inverted: false });
            }
        }
        Some(Cue { subject: start..ws[v].start, inverted: false })
    }

    /// The names opening a clause, up to the last one among its first words that no
    /// preposition governs and that owns nothing: "Oxfam senior policy adviser Max Lawson" of
    /// "Oxfam senior policy adviser Max Lawson welcomed the statement".
    fn opening_names(&self, clause: Range<usize>) -> Option<Range<usize>> {
        let ws = words(self.text, clause.clone());
        let opening = ws.get(..ws.len().min(OPENING_WORDS))?;
        let end = self
            .mentions
            .iter()
            .filter(|m| opening.iter().any(|w| w.start == m.span.start))
            .filter(|m| self.could_be_subject(opening, m))
            .map(|m| m.span.end)
            .max()?;
        Some(clause.start..end)
    }

    /// "Dr Mark Tuffy games systems director at digital content firm THX told": a person
    /// named first, then described in lower case with no other person named, is the head of
    /// the phrase, not the organisation the description ends in.
    fn person_described(&self, ws: &[Range<usize>]) -> Option<(Speaker, Range<usize>)> {
        let m = self.person_opening(ws)?;
        let rest: Vec<&Range<usize>> = ws.iter().filter(|w| w.start >= m.span.end).collect();
        let described = rest.first().is_some_and(|w| self.text[(*w).clone()].starts_with(char::is_lowercase));
        let another = self.mentions.iter().any(|o| {
            o.span.start >= m.span.end
                && rest.last().is_some_and(|l| o.span.end <= l.end)
                && self.is_named_person(o.entity)
        });
        (described && !another).then(|| (Speaker::Entity(m.entity), m.span.clone()))
    }

    /// The person named first among `ws` (past an honorific), not as an owner ("Mr Brown's").
    fn person_opening(&self, ws: &[Range<usize>]) -> Option<&Mention> {
        let first = ws.first()?;
        let at = if is_honorific(&self.text[first.clone()]) { ws.get(1)?.start } else { first.start };
        self.mentions
            .iter()
            .find(|m| m.span.start == at && self.is_named_person(m.entity))
            .filter(|m| !is_owner(self.text, m.span.end))
    }

    /// The speaker a cue's subject names.
    fn speaker_of(&self, cue: &Cue, salient: &Salience<'_>) -> Option<(Speaker, Range<usize>)> {
        let subject = cue.subject.clone();
        if subject.is_empty() {
            return None;
        }
        let pieces = comma_pieces(self.text, subject.clone());
        let named_piece = |p: &Range<usize>| {
            self.entity_at_start(p).filter(|(e, _)| self.is_named_person(*e)).map(|(e, at)| (Speaker::Entity(e), at))
        };
        if let Some(subject) = self.participle_subject(cue) {
            return Some(subject);
        }
        if cue.inverted {
            // "said the festival's executive director, Craig Prater": the name wins, also
            // after a description of its own ("…, Labour MP Barry Sheerman").
            return pieces
                .iter()
                .take(2)
                .find_map(named_piece)
                .or_else(|| pieces.get(1).and_then(|p| self.person_ending(p)))
                .or_else(|| pieces.iter().find_map(|p| self.phrase_speaker(p.clone(), salient)));
        }
        // "Simon Rubinsohn, chief economist at Gerrard, said": the apposition ends the
        // subject, the name before it is the speaker.
        let last = pieces.last()?.clone();
        let appositive = self.text[subject.clone()].trim_end().ends_with(',') || last.is_empty();
        let last_named = named_piece(&last).is_some();
        if appositive || !last_named {
            let named = pieces.iter().rev().skip(1).take(3).find_map(named_piece);
            if named.is_some() {
                return named;
            }
        }
        // "Health analyst Tony Beddow, from the Welsh Institute for Health and Social Care,
        // called …": a piece after the first that opens with a preposition says where the
        // speaker is from, and names no speaker.
        let from_somewhere = |p: &Range<usize>| {
            p.start > subject.start
                && words(self.text, p.clone()).first().is_some_and(|w| PREPOSITIONS.contains(&self.word(w).as_str()))
        };
        // "A spokesman for Unison, Britain's biggest union, said": the apposition describes
        // the head before it, which is the speaker.
        if appositive {
            let head = pieces
                .iter()
                .filter(|p| !p.is_empty() && !from_somewhere(p))
                .find_map(|p| self.phrase_speaker(p.clone(), salient));
            if head.is_some() {
                return head;
            }
        }
        pieces
            .iter()
            .rev()
            .find(|p| !p.is_empty() && !from_somewhere(p))
            .and_then(|p| self.phrase_speaker(p.clone(), salient))
    }

    /// The person whose name ends a phrase ("Labour MP Barry Sheerman"), when no preposition
    /// governs it and it owns nothing.
    fn person_ending(&self, phrase: &Range<usize>) -> Option<(Speaker, Range<usize>)> {
        let end = self.text[phrase.clone()].trim_end_matches([' ', ',']).len() + phrase.start;
        let ws = words(self.text, phrase.clone());
        self.mentions
            .iter()
            .find(|m| m.span.end == end && phrase.start <= m.span.start && self.is_named_person(m.entity))
            .filter(|m| !self.governed(&ws, m.span.start))
            .map(|m| (Speaker::Entity(m.entity), m.span.clone()))
    }

    /// "Telecom analysts Ovum welcomed the move, saying BT had …": a speech verb in "-ing"
    /// after a comma speaks for the subject of the clause before it, the first name there that
    /// no preposition governs and that owns nothing.
    fn participle_subject(&self, cue: &Cue) -> Option<(Speaker, Range<usize>)> {
        let verb = self.text.get(cue.subject.end..)?.split_whitespace().next()?;
        if cue.inverted
            || !verb.trim_end_matches(|c: char| !c.is_alphanumeric()).ends_with("ing")
            || !self.text[cue.subject.clone()].trim_end().ends_with(',')
        {
            return None;
        }
        let ws = words(self.text, cue.subject.clone());
        self.mentions
            .iter()
            .filter(|m| cue.subject.start <= m.span.start && m.span.end <= cue.subject.end)
            .find(|m| self.could_be_subject(&ws, m))
            .map(|m| (Speaker::Entity(m.entity), m.span.clone()))
    }

    /// Whether a preposition governs the name starting at `at`, among the words `ws`: the last
    /// word before it, honorifics skipped ("According to Mr Peston the prime minister said").
    fn governed(&self, ws: &[Range<usize>], at: usize) -> bool {
        let before = ws.iter().rev().filter(|w| w.end <= at).map(|w| self.word(w)).find(|w| !is_honorific(w));
        before.is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
    }

    /// Whether a mention among the words `ws` could be their clause's subject: a person or an
    /// organisation that no preposition governs and that owns nothing ("Christian Aid's head").
    fn could_be_subject(&self, ws: &[Range<usize>], m: &Mention) -> bool {
        self.speaker_kind(m.entity) && !self.governed(ws, m.span.start) && !is_owner(self.text, m.span.end)
    }

    /// The entity named at the start of a phrase, and where.
    fn entity_at_start(&self, phrase: &Range<usize>) -> Option<(usize, Range<usize>)> {
        let first = words(self.text, phrase.clone()).into_iter().next()?;
        // "the BBC": the mention starts after the article; "Mr Baker, the Lib Dem environment
        // spokesman, said": after an honorific, when the name is the whole phrase ("Mr Howard
        // on his new stance" is no subject).
        let honorific = is_honorific(&self.text[first.clone()]);
        let skip = self.word(&first) == "the" || honorific;
        let at = if skip { words(self.text, first.end..phrase.end).into_iter().next()?.start } else { first.start };
        let end = self.text[phrase.clone()].trim_end_matches([' ', ',']).len() + phrase.start;
        // "Christian Aid's head of trade": an owner opening the phrase is not its subject.
        self.mentions
            .iter()
            .find(|m| m.span.start == at && self.speaker_kind(m.entity))
            .filter(|m| !is_owner(self.text, m.span.end) && (!honorific || m.span.end == end))
            .map(|m| (m.entity, m.span.clone()))
    }

    /// The speaker one phrase names: a pronoun, a name not governed by a preposition, an
    /// unnamed source ("a spokesman for …", "Mr Blair's official spokesman"), or a role the
    /// story gives someone ("the home secretary").
    fn phrase_speaker(&self, phrase: Range<usize>, salient: &Salience<'_>) -> Option<(Speaker, Range<usize>)> {
        let ws: Vec<Range<usize>> = words(self.text, phrase.clone())
            .into_iter()
            .rev()
            // "Mr Brown has", "he may": not "May" the name ("May said").
            .skip_while(|w| {
                AUXILIARIES.contains(&self.word(w).as_str()) && !self.mentions.iter().any(|m| m.span.start == w.start)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let (first, last) = (ws.first()?.clone(), ws.last()?.clone());
        let lower: Vec<String> = ws.iter().map(|w| self.word(w)).collect();
        if ws.len() == 1 && matches!(lower[0].as_str(), "he" | "she" | "it") {
            return self.pronoun(&lower[0], salient).map(|s| (s, last));
        }
        // "he made a point of saying": a pronoun opening the clause is its subject.
        if matches!(lower[0].as_str(), "he" | "she") {
            return self.pronoun(&lower[0], salient).map(|s| (s, first));
        }
        // "At first he said", "On Monday she told": a pronoun right before the verb is its
        // subject, after an opening phrase.
        if let Some(pronoun) = lower.last().filter(|w| matches!(w.as_str(), "he" | "she")) {
            return self.pronoun(pronoun, salient).map(|s| (s, last));
        }
        let indefinite = INDEFINITE.contains(&lower[0].as_str());
        // "a spokesman for Michael Howard" is the spokesman, not Michael Howard; "in a new
        // report" is where something was said, not who said it.
        if is_unnamed_source(&lower) && !PREPOSITIONS.contains(&lower[0].as_str()) {
            // "A spokesman for the Home Office said it was wrong to suggest": the source is
            // named up to its own speech verb.
            let own = lower.iter().skip(1).position(|w| is_speech_verb(w)).map_or(ws.len(), |k| k + 1);
            let source = first.start..ws[own - 1].end;
            return Some((Speaker::Unnamed(source.clone()), source));
        }
        if let Some(head) = self.person_described(&ws) {
            return Some(head);
        }
        for (k, w) in ws.iter().enumerate().rev() {
            if let Some(m) = self.mentions.iter().find(|m| m.span.start <= w.start && w.start < m.span.end) {
                if self.governed(&ws, m.span.start) || !self.speaker_kind(m.entity) {
                    continue;
                }
                // A company or place speaks only as the head of the phrase ("the BBC said").
                if !self.is_named_person(m.entity) && k + 1 < ws.len() && m.span.end < last.end {
                    continue;
                }
                return Some((Speaker::Entity(m.entity), m.span.clone()));
            }
        }
        if indefinite {
            return Some((Speaker::Unnamed(first.start..last.end), first.start..last.end));
        }
        let definite = DEFINITE.contains(&lower[0].as_str());
        // "the government said": an organisation the text leaves unnamed, not a role of
        // someone's.
        if definite && last.end > first.end && lower.last().is_some_and(|w| is_organisation_noun(w)) {
            return Some((Speaker::Unnamed(first.start..last.end), first.start..last.end));
        }
        // "the prime minister", "the British actor", "the 58-year-old": a role of someone's;
        // "the book" is not one, and the last speaker is not who it means.
        let head = lower.last().map(String::as_str).unwrap_or_default();
        let person = is_title(head) || is_person_noun(head) || head.ends_with("year-old");
        if definite && last.end > first.end && person {
            return self.by_role(&lower[1..], salient).map(|e| (Speaker::Entity(e), first.start..last.end));
        }
        None
    }

    /// The person a role phrase refers to ("the prime minister", "the Salford MP"): the last
    /// one named before it whom the story gives that role (not a deputy's or a shadow's), else
    /// the last speaker, else the last person named as a subject, else the last person named.
    fn by_role(&self, role: &[String], salient: &Salience<'_>) -> Option<usize> {
        let head = role.last()?;
        let holders: Vec<usize> = (0..self.entities.len())
            .filter(|&e| self.is_person(e))
            .filter(|&e| {
                self.entities[e].roles.iter().any(|r| {
                    let r = self.text[r.clone()].to_lowercase();
                    let ws: Vec<&str> = words(&r, 0..r.len()).into_iter().map(|w| &r[w]).collect();
                    let same_office = ws.iter().all(|w| !OTHER_OFFICE.contains(w) || role.iter().any(|x| x == w));
                    ws.contains(&head.as_str()) && same_office
                })
            })
            .collect();
        let recent = |wanted: &dyn Fn(&Mention) -> bool| {
            self.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= salient.at && !self.in_quote(m.span.start))
                .find(|m| wanted(m))
                .map(|m| m.entity)
        };
        // A holder named only after the quote is not who the role points back to.
        if let Some(holder) = recent(&|m| holders.contains(&m.entity)) {
            return Some(holder);
        }
        // "Irons … said he had wondered. "…," the British actor said": someone who became
        // the subject since the last speaker spoke is who the role points back to.
        let since = salient.last.map_or(0, |l| l.1);
        let subject_since = recent(&|m| m.span.start >= since && self.is_named_person(m.entity) && self.is_subject(m));
        if salient.last.is_some() && subject_since.is_some() {
            return subject_since;
        }
        match salient.last {
            Some((Speaker::Entity(e), _)) if self.is_person(*e) => Some(*e),
            // "Tony Blair has dismissed reports he told Gordon Brown … "…," the prime minister
            // told": the last person who was a subject, not the last one named.
            _ => recent(&|m| self.is_named_person(m.entity) && self.is_subject(m))
                .or_else(|| recent(&|m| self.is_named_person(m.entity))),
        }
    }

    /// "he", "she" or "it": the last speaker when they fit, unless someone who fits has been
    /// named as a subject since; else the last person named who fits.
    fn pronoun(&self, word: &str, salient: &Salience<'_>) -> Option<Speaker> {
        let wanted = match word {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let fits = |s: &Speaker| match s {
            Speaker::Entity(e) if word == "it" => !self.is_person(*e),
            Speaker::Entity(e) => {
                self.is_named_person(*e) && (wanted.is_none() || self.genders[*e].is_none_or(|g| Some(g) == wanted))
            }
            Speaker::Unnamed(r) => {
                let t = self.text[r.clone()].to_lowercase();
                match wanted {
                    Some(Gender::Male) => !t.contains("woman") && !t.contains("spokesperson"),
                    Some(Gender::Female) => !t.contains("man") || t.contains("woman"),
                    None => !t.contains("man") && !t.contains("person") && !t.contains("official"),
                }
            }
        };
        let since = salient.last.map_or(0, |l| l.1);
        let named_since = self
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.start >= since && m.span.end <= salient.at && !self.in_quote(m.span.start))
            .filter(|m| self.is_subject(m))
            .map(|m| (Speaker::Entity(m.entity), m.span.start))
            .find(|s| fits(&s.0));
        // "…, the spokesman said. "…," he added": a source the narration reports since then.
        let narrated = self.narrated_source(since, salient.at).filter(|s| fits(&s.0));
        if let Some((s, _)) = [named_since, narrated].into_iter().flatten().max_by_key(|s| s.1) {
            return Some(s);
        }
        // "Those allegations were put to Wenger. At first he said…": when the sentence before
        // names one fitting person and not the last speaker, it is about that person.
        // Not when that sentence's own subject is the same pronoun ("He said … Mr Houston may
        // be interviewed. He added: …"): it goes on about whom the pronoun stood for.
        if let Some(previous) = self.previous_sentence(salient.at) {
            let last_named = salient.last.is_some_and(|(last, _)| self.names_in(&previous, last));
            let same_subject = words(self.text, previous.clone()).first().is_some_and(|w| self.word(w) == word);
            if let Some(person) = self.only_person_in(&previous, &fits).filter(|_| !last_named && !same_subject) {
                return Some(person);
            }
        }
        if let Some((s, _)) = salient.last.filter(|l| fits(l.0)) {
            return Some(s.clone());
        }
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= salient.at && !self.in_quote(m.span.start))
            .map(|m| Speaker::Entity(m.entity))
            .find(|s| fits(s) && word != "it")
    }

    /// The last unnamed source that narration between `since` and `at` reports speaking ("A
    /// spokeswoman for the office said it was …"), and where its verb is.
    fn narrated_source(&self, since: usize, at: usize) -> Option<(Speaker, usize)> {
        let sentences = self.sentences.iter().filter(|s| s.end > since && s.start < at);
        sentences.rev().find_map(|s| {
            let verbs = words(self.text, s.start.max(since)..s.end.min(at))
                .into_iter()
                .filter(|w| !self.in_quote(w.start) && is_speech_verb(&self.text[w.clone()]));
            verbs.rev().find_map(|verb| {
                let subject = clause_start(self.text, s.start, verb.start)..verb.start;
                // "Shelley Taylor, analyst and author of a report, said": an apposition set off
                // by commas describes the head before it, which is the subject.
                let apposed = self.text[subject.clone()].trim_end().ends_with(',');
                let mut pieces = comma_pieces(self.text, subject).into_iter().filter(|p| !p.is_empty());
                let piece = if apposed { pieces.next() } else { pieces.next_back() }?;
                let lower: Vec<String> = words(self.text, piece.clone()).iter().map(|w| self.word(w)).collect();
                is_unnamed_source(&lower).then_some((Speaker::Unnamed(piece), verb.start))
            })
        })
    }

    /// The named person or organisation that the narration right before `at` (since `since`,
    /// in the sentence before at most) reports speaking: the subject of the last speech verb,
    /// in lower case ("Edward Said" is a name) and not an infinitive ("to describe").
    fn narrated_speaker(&self, since: usize, at: usize, salient: &Salience<'_>) -> Option<Speaker> {
        let since = since.max(self.previous_sentence(at).map_or(0, |p| p.start));
        let sentences = self.sentences.iter().filter(|s| s.end > since && s.start < at);
        sentences.rev().find_map(|s| {
            let range = s.start.max(since)..s.end.min(at);
            let ws: Vec<Range<usize>> =
                words(self.text, range.clone()).into_iter().filter(|w| !self.in_quote(w.start)).collect();
            let Some(v) = ws.iter().rposition(|w| is_speech_verb(&self.text[w.clone()])) else {
                return self.introduced_by(&range, salient);
            };
            // "Writing in the Guardian, Mr Brown outlined …", "Edward Said", "to describe": no
            // verb of a subject of its own; the sentence's subject may still introduce it.
            let infinitive = v > 0 && self.word(&ws[v - 1]) == "to";
            if !self.text[ws[v].clone()].starts_with(char::is_lowercase) || infinitive {
                return self.introduced_by(&range, salient);
            }
            let cue = self.cue_before(range.start, range.end).filter(|c| !c.inverted)?;
            let (speaker, _) = self.speaker_of(&cue, salient)?;
            matches!(speaker, Speaker::Entity(e) if self.speaker_kind(e)).then_some(speaker)
        })
    }

    /// "US coach Patrick McEnroe wants his team to play more on clay. "I think it will
    /// help …"": a whole sentence of narration, quoting nothing, whose subject is a person
    /// named introduces the quotation after it.
    fn introduced_by(&self, sentence: &Range<usize>, salient: &Salience<'_>) -> Option<Speaker> {
        if self.quoted.iter().any(|q| sentence.start <= q.start && q.start < sentence.end) {
            return None;
        }
        // "Writing in the Guardian newspaper, Mr Brown outlined …": after an opening participle's
        // phrase, the subject follows its comma.
        let first = words(self.text, sentence.clone()).into_iter().next()?;
        if let Some(comma) = self.text[sentence.clone()].find(", ").filter(|_| self.word(&first).ends_with("ing")) {
            let after = words(self.text, sentence.start + comma + 2..sentence.end);
            return self.person_opening(&after).map(|m| Speaker::Entity(m.entity));
        }
        let (speaker, _) = self.sentence_subject(sentence.start, sentence.end, salient)?;
        matches!(speaker, Speaker::Entity(e) if self.is_named_person(e)).then_some(speaker)
    }

    /// The one person (fitting `fits`) named outside quotes in `range`, not counting one named
    /// as an owner ("backed Mr Howard's stance"): the sentence is not about them.
    fn only_person_in(&self, range: &Range<usize>, fits: &impl Fn(&Speaker) -> bool) -> Option<Speaker> {
        let mut found: Vec<usize> = self
            .mentions
            .iter()
            .filter(|m| range.start <= m.span.start && m.span.end <= range.end && !self.in_quote(m.span.start))
            .filter(|m| !is_owner(self.text, m.span.end))
            .map(|m| m.entity)
            .filter(|&e| fits(&Speaker::Entity(e)))
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => Some(Speaker::Entity(*one)),
            _ => None,
        }
    }

    /// Whether `range` names `speaker`.
    fn names_in(&self, range: &Range<usize>, speaker: &Speaker) -> bool {
        match speaker {
            Speaker::Entity(e) => {
                self.mentions.iter().any(|m| m.entity == *e && range.start <= m.span.start && m.span.end <= range.end)
            }
            Speaker::Unnamed(r) => range.start <= r.start && r.end <= range.end,
        }
    }

    /// The sentence before the one holding `at`.
    fn previous_sentence(&self, at: usize) -> Option<Range<usize>> {
        let current = self.sentences.iter().position(|s| s.start <= at && at < s.end)?;
        current.checked_sub(1).map(|i| self.sentences[i].clone())
    }

    /// Whether a mention stands where a subject does: first in its sentence (after titles
    /// and other capitalised words) or right before a speech verb ("Lord Butler said").
    fn is_subject(&self, m: &Mention) -> bool {
        let Some(s) = self.sentences.iter().find(|s| s.start <= m.span.start && m.span.start < s.end) else {
            return false;
        };
        let next = words(self.text, m.span.end..s.end).into_iter().next();
        // "Mr Nattrass said", "The head of that tribunal, Kostas Panagopoulos, said": a name
        // right before the verb, or set off by commas as the apposition of the subject.
        let apposed = self.text[..m.span.start].ends_with(", ") && self.text[m.span.end..].starts_with(", ");
        if next.is_some_and(|w| {
            is_speech_verb(&self.text[w]) && (apposed || !self.text[m.span.end..s.end].starts_with(','))
        }) {
            return true;
        }
        !words(self.text, s.start..m.span.start).iter().any(|w| {
            let word = &self.text[w.clone()];
            word.chars().next().is_some_and(char::is_lowercase) && !super::names::is_title(word)
        })
    }

    /// "… would help world economic recovery, the OECD said.": the speaker of a clause that
    /// closes the sentence after its last comma (past `from`), a few words with a speech verb
    /// at either end, says the whole sentence.
    fn closing_cue(&self, from: usize, end: usize, salient: &Salience<'_>) -> Option<(Speaker, Range<usize>)> {
        let comma = from + self.text[from..end].rfind(',')?;
        let ws = words(self.text, comma + 1..end);
        let lower: Vec<String> = ws.iter().map(|w| self.word(w)).collect();
        // A clause inside a quotation, or holding one of its own (", called the Seerhein ("Lake
        // Rhine")"), says no one.
        let quoting = self.quoted.iter().any(|q| q.start < end && comma < q.end);
        if ws.len() < 2 || ws.len() > MAX_PLAIN_SUBJECT_WORDS + 1 || quoting {
            return None;
        }
        let cue = match (lower.first(), lower.last()) {
            (Some(first), _) if is_speech_verb(first) => {
                Cue { subject: ws[1].start..ws[ws.len() - 1].end, inverted: true }
            }
            (_, Some(last)) if is_speech_verb(last) && !last.ends_with("ing") => {
                Cue { subject: ws[0].start..ws[ws.len() - 1].start, inverted: false }
            }
            _ => return None,
        };
        self.speaker_of(&cue, salient)
    }

    /// For a phrase quoted inside narration: the subject opening its sentence ("IHRC
    /// chairman Massoud Shadjareh accused Ms Blears of "…"").
    fn sentence_subject(&self, start: usize, open: usize, salient: &Salience<'_>) -> Option<(Speaker, Range<usize>)> {
        let ws = words(self.text, start..open);
        let first = ws.first()?;
        // "But he blamed "…"": a conjunction opening the sentence leaves the pronoun its subject.
        let joined = matches!(self.word(first).as_str(), "but" | "and" | "yet" | "so");
        let subject = if joined { ws.get(1)? } else { first };
        let w = self.word(subject);
        if matches!(w.as_str(), "he" | "she") {
            return self.pronoun(&w, salient).map(|s| (s, subject.clone()));
        }
        // "Lib Dem chairman Matthew Taylor": the last of the opening names, when it is a
        // person; never a possessive ("Britain's low unemployment").
        let opening: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| m.span.start >= start && m.span.end <= open && self.is_subject(m))
            .filter(|m| words(self.text, start..m.span.start).len() <= 4)
            .filter(|m| !is_owner(self.text, m.span.end))
            .collect();
        let m = opening.iter().rev().find(|m| self.is_named_person(m.entity)).or(opening.first())?;
        let kind_ok = matches!(self.entities[m.entity].kind, Some(EntityKind::Person | EntityKind::Organisation));
        (kind_ok && !self.passive_after(m.span.end, open)).then(|| (Speaker::Entity(m.entity), m.span.clone()))
    }

    /// Whether the verb right after a subject (within a few words, before `open`) is passive:
    /// "Labour is to be investigated … over claims its campaign broke the rules on "cold
    /// calling"". What is done to a subject is no phrase of its own.
    fn passive_after(&self, subject_end: usize, open: usize) -> bool {
        let ws = words(self.text, subject_end..open);
        let lower: Vec<String> = ws.iter().take(PASSIVE_REACH + 1).map(|w| self.word(w)).collect();
        lower.windows(2).any(|pair| BE_FORMS.contains(&pair[0].as_str()) && is_past_participle(&pair[1]))
    }

    /// Reported speech: "according to …", or a speech verb followed by "that".
    fn reported(&self, sentence: Range<usize>) -> Option<Label> {
        let ws = words(self.text, sentence.clone());
        let lower: Vec<String> = ws.iter().map(|w| self.text[w.clone()].to_lowercase()).collect();
        let salient = Salience { last: None, at: sentence.start };
        if let Some(k) = lower.windows(2).position(|p| p[0] == "according" && p[1] == "to") {
            let start = ws.get(k + 2)?.start;
            let rest = &self.text[start..sentence.end];
            let end = start + rest.find([',', ';', '.', '—']).unwrap_or(rest.len());
            let source = start..end;
            let speaker = self
                .mentions
                .iter()
                .find(|m| source.start <= m.span.start && m.span.end <= source.end && self.speaker_kind(m.entity))
                .map(|m| Speaker::Entity(m.entity));
            return Some(Label { kind: Kind::Reported, speaker, source: Some(source) });
        }
        let verb = (0..ws.len()).find(|&k| {
            is_speech_verb(&lower[k])
                && (lower.get(k + 1).is_some_and(|n| n == "that")
                    || (lower.get(k + 1).is_some_and(|n| n == "out") && lower.get(k + 2).is_some_and(|n| n == "that")))
        })?;
        let start = clause_start(self.text, sentence.start, ws[verb].start);
        let cue = Cue { subject: start..ws[verb].start, inverted: false };
        let speaker = self.speaker_of(&cue, &salient);
        Some(Label {
            kind: Kind::Reported,
            speaker: speaker.as_ref().map(|s| s.0.clone()),
            source: speaker.map(|s| s.1),
        })
    }
}

/// How many words after a subject its verb may start, for [`Reader::passive_after`].
const PASSIVE_REACH: usize = 4;

/// "investigated", "told": a regular past form, or an irregular form (WordNet's table holds
/// plurals too, but after a form of "be" such a word is the verb's).
fn is_past_participle(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed")) || crate::words::irregular_forms::base_of(word).is_some()
}

/// Most words between a quotation and the verb after it: ("," the Salford MP told"), or
/// with an apposition set off by commas.
const MAX_PLAIN_SUBJECT_WORDS: usize = 6;
const MAX_SUBJECT_WORDS: usize = 16;
/// How far into a clause its subject's names may reach ("Oxfam senior policy adviser Max
/// Lawson welcomed …").
const OPENING_WORDS: usize = 6;

/// Where the clause holding `at` starts: after the last sentence mark, quotation or clause
/// word before it (commas are kept: they may set off an apposition).
fn clause_start(text: &str, from: usize, at: usize) -> usize {
    let mut start = from;
    let ws = words(text, from..at);
    for (i, w) in ws.iter().enumerate() {
        let word = text[w.clone()].to_lowercase();
        // "the Welsh Institute for Health and Social Care": "and" between two capitalised
        // words joins a name, it opens no clause.
        let capitalised =
            |j: Option<usize>| j.and_then(|j| ws.get(j)).is_some_and(|n| starts_capitalised(&text[n.clone()]));
        let in_name =
            matches!(word.as_str(), "and" | "or") && capitalised(i.checked_sub(1)) && capitalised(Some(i + 1));
        // "Shelley Taylor, analyst and author of a report, said": nor between two nouns for
        // people, which join one description.
        let person = |j: Option<usize>| {
            j.and_then(|j| ws.get(j)).is_some_and(|n| is_person_noun(&text[n.clone()].to_lowercase()))
        };
        let in_description = word == "and" && person(i.checked_sub(1)) && person(Some(i + 1));
        if CLAUSE_WORDS.contains(&word.as_str()) && !in_name && !in_description {
            start = w.end;
        }
    }
    let part = &text[start..at];
    let mut stops = part.char_indices().filter(|&(i, c)| {
        matches!(c, '.' | ';' | ':' | '!' | '?' | '"' | '“' | '”' | '(' | ')') && !in_bracketed_acronym(part, i)
    });
    if let Some((i, c)) = stops.next_back() {
        start += i + c.len_utf8();
    }
    start
}

/// Whether the bracket at `i` of `part` encloses an acronym ("A spokesman for the British
/// Phonographic Industry (BPI) said"): a name's other name, which ends no clause.
fn in_bracketed_acronym(part: &str, i: usize) -> bool {
    let open = match part[i..].chars().next() {
        Some('(') => Some(i),
        Some(')') => part[..i].rfind('('),
        _ => None,
    };
    let Some(open) = open.filter(|&o| part[..o].ends_with(' ')) else { return false };
    // From the space before the bracket; a closing bracket must be this acronym's own.
    super::organisations::bracketed_acronym(&part[open - 1..])
        .is_some_and(|inner| i == open || i == open + 1 + inner.len())
}

/// Whether a phrase (lower-cased words) is a source the text leaves unnamed: "a spokesman for
/// Michael Howard" (the spokesman, not Michael Howard), "the spokeswoman", "an official".
fn is_unnamed_source(lower: &[String]) -> bool {
    // The head is the last source word: "the prime minister's official spokesman".
    let Some(h) = lower.iter().rposition(|w| UNNAMED_SOURCES.contains(&w.as_str())) else {
        return false;
    };
    lower.get(h + 1).is_none_or(|n| PREPOSITIONS.contains(&n.as_str()))
        || lower.first().is_some_and(|w| INDEFINITE.contains(&w.as_str()))
}

/// A phrase split at its commas, each piece trimmed.
fn comma_pieces(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for piece in text[range.clone()].split(',') {
        let lead = piece.len() - piece.trim_start().len();
        out.push(at + lead..at + lead + piece.trim().len());
        at += piece.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests;
