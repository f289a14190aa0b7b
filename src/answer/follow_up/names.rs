//! The people and things a corpus names, as a follow-up needs them: every written form, and
//! what a pronoun for each would be (he, she, it).

use std::ops::Range;

use crate::corpus::gender::{self, Gender};
use crate::corpus::{Corpus, EntityKind};

/// What pronouns can stand for a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A person, with their sex when a title or first name shows it.
    Person(Option<Gender>),
    /// An organisation or a project: "it" or "they".
    Thing,
    /// A place: named beside what is asked about ("the UK rebate") far more often than asked
    /// about, so no pronoun is read as one.
    Place,
}

/// One person or thing, merged across documents by name.
#[derive(Debug, Clone)]
pub struct Known {
    pub name: String,
    pub class: Class,
    /// Each form as lowercase words.
    forms: Vec<Vec<String>>,
}

/// Where a text names someone: the byte range of the words, and who.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub span: Range<usize>,
    pub known: usize,
}

/// Everyone and everything the corpus names.
#[derive(Debug, Clone, Default)]
pub struct Names {
    known: Vec<Known>,
}

/// A word of a text: its byte range and its lowercase form.
#[derive(Debug, Clone)]
pub struct Word {
    pub span: Range<usize>,
    pub lower: String,
}

/// The words of `text`, split as the index splits them.
pub fn words(text: &str) -> Vec<Word> {
    crate::index::words(text)
        .into_iter()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            Word { span: start..start + w.len(), lower: w.to_lowercase() }
        })
        .collect()
}

impl Names {
    pub fn new(corpus: &Corpus) -> Names {
        let mut known: Vec<Known> = Vec::new();
        for doc in &corpus.docs {
            let genders = gender::of_entities(&doc.text, &doc.entities, &doc.mentions);
            for (entity, gender) in doc.entities.iter().zip(genders) {
                let class = match entity.kind {
                    Some(EntityKind::Person) => Class::Person(gender),
                    Some(EntityKind::Place) => Class::Place,
                    Some(_) => Class::Thing,
                    None => continue,
                };
                if known.iter().any(|k| k.name == entity.name) {
                    continue;
                }
                let forms = entity
                    .forms()
                    .map(|f| crate::index::words(f).into_iter().map(str::to_lowercase).collect::<Vec<_>>())
                    .filter(|f| !f.is_empty())
                    .collect();
                known.push(Known { name: entity.name.clone(), class, forms });
            }
        }
        Names { known }
    }

    pub fn get(&self, known: usize) -> &Known {
        &self.known[known]
    }

    /// Who `text` names, in text order, the longest form winning where forms overlap. A form of
    /// one or two letters ("X") counts only written exactly so, not as a letter in lower case.
    pub fn in_text(&self, text: &str) -> Vec<Named> {
        let words = words(text);
        let mut found = Vec::new();
        let mut at = 0;
        while at < words.len() {
            match self.longest_at(text, &words, at) {
                Some((known, len)) => {
                    found.push(Named { span: words[at].span.start..words[at + len - 1].span.end, known });
                    at += len;
                }
                None => at += 1,
            }
        }
        found
    }

    fn longest_at(&self, text: &str, words: &[Word], at: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (k, known) in self.known.iter().enumerate() {
            for form in &known.forms {
                let Some(here) = words.get(at..at + form.len()) else { continue };
                let same = here.iter().zip(form).all(|(w, f)| w.lower == *f);
                let short = form.len() == 1 && form[0].chars().count() <= 2;
                let cased = !short || known.forms_exact(&text[here[0].span.clone()]);
                if same && cased && best.is_none_or(|(_, len)| form.len() > len) {
                    best = Some((k, form.len()));
                }
            }
        }
        best
    }

    /// The person or thing named `name` exactly (a speaker's name as the corpus gives it).
    pub fn by_name(&self, name: &str) -> Option<usize> {
        let lower: Vec<String> = crate::index::words(name).into_iter().map(str::to_lowercase).collect();
        self.known.iter().position(|k| k.forms.contains(&lower))
    }
}

impl Known {
    /// Whether `written` is one of the short forms exactly as the corpus writes it.
    fn forms_exact(&self, written: &str) -> bool {
        written.chars().all(|c| !c.is_lowercase())
            && self.forms.iter().any(|f| f.len() == 1 && f[0] == written.to_lowercase())
    }

    pub fn is_person(&self) -> bool {
        matches!(self.class, Class::Person(_))
    }
}
