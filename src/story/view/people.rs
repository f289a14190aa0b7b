//! The people and organisations the story names, and what one name said and did.

use std::collections::hash_map::{Entry, HashMap};

use super::messages::counted;
use super::{part_source, sentence_source, Place, QuoteView};
use crate::answer::Source;
use crate::corpus::{Corpus, EntityKind, SentenceId};
use crate::story::people::{Person, Profile};

/// One person or organisation, as the roster lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonView {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// The roles the story gives, verbatim.
    pub roles: Vec<String>,
    pub mentions: usize,
    /// How many quotes are theirs.
    pub quotes: usize,
    /// The first mention: its span, in its sentence.
    pub first_mention: Option<Source>,
}

impl PersonView {
    pub fn new(corpus: &Corpus, p: &Person<'_>) -> PersonView {
        PersonView {
            name: p.entity.name.clone(),
            kind: p.kind().clone(),
            aliases: p.entity.aliases.clone(),
            roles: p.roles().into_iter().map(str::to_string).collect(),
            mentions: p.mentions,
            quotes: p.quotes,
            first_mention: p.first.as_ref().map(|(s, span)| part_source(corpus, *s, span.clone(), None)),
        }
    }

    /// Where the story first names them.
    pub fn first_place(&self) -> Option<Place> {
        self.first_mention.as_ref().map(Place::of)
    }

    /// "12 mentions, 3 quotes", "1 mention, 0 quotes".
    pub fn counts(&self) -> String {
        format!("{}, {}", counted(self.mentions, "mention"), counted(self.quotes, "quote"))
    }

    /// Takes in the same name found in a later story: counts add up, new aliases and roles
    /// join, the first mention stays the earliest.
    fn absorb(&mut self, other: PersonView) {
        self.mentions += other.mentions;
        self.quotes += other.quotes;
        for alias in other.aliases {
            if !self.aliases.contains(&alias) {
                self.aliases.push(alias);
            }
        }
        for role in other.roles {
            if !self.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
                self.roles.push(role);
            }
        }
        self.first_mention = self.first_mention.take().or(other.first_mention);
    }
}

/// Everyone the story names: people first, then organisations, each in order of first
/// mention. A name several stories of the corpus use is listed once.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterView {
    pub people: Vec<PersonView>,
}

impl RosterView {
    pub fn new(corpus: &Corpus, roster: &[Person<'_>]) -> RosterView {
        let people = merged(roster.iter().map(|p| PersonView::new(corpus, p)), |p| p, PersonView::absorb);
        RosterView { people }
    }

    /// The roster cut where the kind changes, each part with its heading ("People",
    /// "Organisations").
    pub fn groups(&self) -> Vec<(&'static str, &[PersonView])> {
        let mut out: Vec<(&'static str, &[PersonView])> = Vec::new();
        let mut start = 0;
        for end in 1..=self.people.len() {
            if end == self.people.len() || self.people[end].kind != self.people[start].kind {
                let heading = if self.people[start].kind == EntityKind::Person { "People" } else { "Organisations" };
                out.push((heading, &self.people[start..end]));
                start = end;
            }
        }
        out
    }
}

/// A sentence of the story, verbatim, with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceView {
    pub text: String,
    pub source: Source,
}

impl SentenceView {
    pub fn new(corpus: &Corpus, id: SentenceId) -> SentenceView {
        SentenceView { text: corpus.text(id).to_string(), source: sentence_source(corpus, id) }
    }

    pub fn place(&self) -> Place {
        Place::of(&self.source)
    }
}

/// One name looked up: who it is, their quotes, and the other sentences that name them.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileView {
    pub person: PersonView,
    pub quotes: Vec<QuoteView>,
    pub sentences: Vec<SentenceView>,
}

impl ProfileView {
    pub fn new(corpus: &Corpus, p: &Profile<'_>) -> ProfileView {
        ProfileView {
            person: PersonView::new(corpus, &p.person),
            quotes: p.quotes.iter().map(|q| QuoteView::new(corpus, q)).collect(),
            sentences: p.sentences.iter().map(|&id| SentenceView::new(corpus, id)).collect(),
        }
    }

    /// Takes in the same name's profile from a later story.
    fn absorb(&mut self, other: ProfileView) {
        self.person.absorb(other.person);
        self.quotes.extend(other.quotes);
        self.sentences.extend(other.sentences);
    }
}

/// Everyone a name fits, the best fit first.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfilesView {
    /// The name as given.
    pub name: String,
    pub matches: Vec<ProfileView>,
}

impl ProfilesView {
    /// The profiles of `found`, one per name: the same name in several stories of the corpus
    /// is one profile with the quotes and sentences of each.
    pub fn new(corpus: &Corpus, name: &str, found: &[Profile<'_>]) -> ProfilesView {
        let matches = merged(found.iter().map(|p| ProfileView::new(corpus, p)), |p| &p.person, ProfileView::absorb);
        ProfilesView { name: name.to_string(), matches }
    }
}

/// `views` with those of one name and kind (the same person in several stories of the
/// corpus) merged into the first, by a map: thousands of stories name tens of thousands.
fn merged<T>(views: impl Iterator<Item = T>, person: impl Fn(&T) -> &PersonView, absorb: impl Fn(&mut T, T)) -> Vec<T> {
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    let mut out: Vec<T> = Vec::new();
    for view in views {
        let key = (person(&view).name.clone(), person(&view).kind.as_str().to_string());
        match at.entry(key) {
            Entry::Occupied(first) => absorb(&mut out[*first.get()], view),
            Entry::Vacant(slot) => {
                slot.insert(out.len());
                out.push(view);
            }
        }
    }
    out
}
