//! The people and organisations a story names: role, first mention, how often it names and
//! quotes them; and for one name, their quotes and the sentences about them.

use std::ops::Range;
use std::sync::LazyLock;

use crate::corpus::{Corpus, DocId, Document, Entity, EntityKind, Quote, SentenceId};
use crate::error::UserError;

/// One person or organisation of one document.
#[derive(Debug, Clone)]
pub struct Person<'a> {
    pub doc: &'a Document,
    pub doc_id: DocId,
    pub entity: &'a Entity,
    /// Index of the entity in its document.
    pub index: usize,
    /// The sentence and span of the first mention.
    pub first: Option<(SentenceId, Range<usize>)>,
    pub mentions: usize,
    pub quotes: usize,
}

impl Person<'_> {
    pub fn kind(&self) -> &EntityKind {
        self.entity.kind.as_ref().unwrap_or(&NO_KIND)
    }

    /// The roles the story gives, verbatim.
    pub fn roles(&self) -> Vec<&str> {
        self.entity.roles.iter().map(|r| &self.doc.text[r.clone()]).collect()
    }
}

/// The kind of an entity of no known kind; the roster lists none, so this only keeps
/// [`Person::kind`] total.
static NO_KIND: LazyLock<EntityKind> = LazyLock::new(|| EntityKind::Other("name".into()));

/// One name looked up: who it is, their quotes, and the sentences that name them.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    pub person: Person<'a>,
    pub quotes: Vec<&'a Quote>,
    pub sentences: Vec<SentenceId>,
}

/// People first, then organisations, each in order of first mention.
pub fn roster(corpus: &Corpus) -> Vec<Person<'_>> {
    let mut out: Vec<Person<'_>> = Vec::new();
    for (d, doc) in corpus.doc_ids().zip(&corpus.docs) {
        for (i, entity) in doc.entities.iter().enumerate() {
            if !matches!(entity.kind, Some(EntityKind::Person | EntityKind::Organisation)) {
                continue;
            }
            let person = person(corpus, d, i);
            if person.mentions > 0 || person.quotes > 0 {
                out.push(person);
            }
        }
    }
    // Those never named (only quoted) go last.
    out.sort_by_key(|p| (*p.kind() != EntityKind::Person, p.first.is_none(), p.first.as_ref().map(|f| f.0)));
    out
}

fn person(corpus: &Corpus, doc: DocId, index: usize) -> Person<'_> {
    let d = corpus.doc(doc);
    let entity = &d.entities[index];
    let mut mentions = d.mentions.iter().filter(|m| m.entity == index);
    let first = mentions.next().and_then(|m| corpus.sentence_at(doc, m.span.start).map(|id| (id, m.span.clone())));
    let count = usize::from(first.is_some()) + mentions.count();
    let quotes = d.quotes.iter().filter(|q| q.speaker == entity.name).count();
    Person { doc: d, doc_id: doc, entity, index, first, mentions: count, quotes }
}

/// Everyone in the roster whose name or alias matches `name`: whole forms first ("Elon",
/// "Twitter"), then any word of a form, in any case.
///
/// # Errors
/// A [`UserError`] for an empty or overlong name.
pub fn lookup<'a>(corpus: &'a Corpus, name: &str) -> Result<Vec<Profile<'a>>, UserError> {
    let name = super::check_text(name, "a name", || super::example_name(corpus))?;
    let wanted = crate::search::clean(name).to_lowercase();
    let wanted = wanted.trim();
    let roster = roster(corpus);
    let is_form = |p: &&Person<'_>| p.entity.forms().any(|f| f.to_lowercase() == wanted);
    // The same name in another story counts too, whatever forms that story used for it.
    let named: Vec<&str> = roster.iter().filter(is_form).map(|p| p.entity.name.as_str()).collect();
    let whole: Vec<&Person<'_>> = roster.iter().filter(|p| named.contains(&p.entity.name.as_str())).collect();
    let matched = if whole.is_empty() {
        roster
            .iter()
            .filter(|p| {
                p.entity.forms().any(|f| {
                    let f = f.to_lowercase();
                    f.split(' ').any(|w| w == wanted) || (wanted.len() >= 3 && f.contains(wanted))
                })
            })
            .collect()
    } else {
        whole
    };
    Ok(matched.into_iter().map(|p| profile(corpus, p.clone())).collect())
}

fn profile<'a>(corpus: &'a Corpus, person: Person<'a>) -> Profile<'a> {
    let quotes: Vec<&Quote> = person.doc.quotes.iter().filter(|q| q.speaker == person.entity.name).collect();
    let mut sentences: Vec<SentenceId> = Vec::new();
    for m in person.doc.mentions.iter().filter(|m| m.entity == person.index) {
        if let Some(id) = corpus.sentence_at(person.doc_id, m.span.start) {
            if !sentences.contains(&id) && !quotes.iter().any(|q| q.sentence == id) {
                sentences.push(id);
            }
        }
    }
    Profile { person, quotes, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(text: &str) -> Corpus {
        Corpus::of_story(text)
    }

    #[test]
    fn the_roster_lists_people_before_organisations_with_counts() {
        let c = corpus(
            "The Harbor Ferry Company hired Mayor Linda Ortiz. “It works,” Ortiz said. Ortiz left the Harbor Ferry Company.",
        );
        let roster = roster(&c);
        let names: Vec<(&str, &str, usize, usize)> =
            roster.iter().map(|p| (p.entity.name.as_str(), p.kind().as_str(), p.mentions, p.quotes)).collect();
        assert_eq!(names, [("Linda Ortiz", "person", 3, 1), ("Harbor Ferry Company", "organisation", 2, 0)]);
        assert_eq!(roster[0].roles(), ["Mayor"]);
    }

    #[test]
    fn a_surname_or_any_case_finds_the_person_and_an_unknown_name_finds_nobody() {
        let c = corpus("Mayor Linda Ortiz spoke. “It works,” Ortiz said. Later Ortiz left.");
        let found = lookup(&c, "ortiz").unwrap_or_default();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].quotes.len(), 1);
        assert_eq!(found[0].sentences.len(), 2, "the sentences naming her, less the quote");
        assert!(lookup(&c, "Becker").unwrap_or_default().is_empty());
        assert!(lookup(&c, "  ").is_err());
    }
}
