//! The people, organisations and places a document names, and what kind each one is.

use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    /// What it is, when the front matter or the rules can tell.
    pub kind: Option<EntityKind>,
    pub aliases: Vec<String>,
    /// The roles the text gives them ("Oracle CEO"), as byte ranges of the file.
    pub roles: Vec<Range<usize>>,
    /// Listed in the front matter (rather than found in the text).
    pub listed: bool,
}

impl Entity {
    /// The name followed by its aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// What an entity is. The rules give people, organisations and places; a corpus file's
/// front matter may name any kind, and one the rules do not read stays as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(from = "String")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    /// A kind the front matter names other than those above ("project", "Person",
    /// "organization"): written by hand, so kept exactly as written, and never one of them.
    Other(String),
}

impl EntityKind {
    /// The kind as the front matter writes it (`person`, `organisation`, `place`), which is
    /// also how it prints and serialises.
    pub fn as_str(&self) -> &str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Other(kind) => kind,
        }
    }
}

/// Only the exact lower-case words the rules use mean their kinds, as when kinds were
/// compared as text: "Person" or "organization" is another kind.
impl From<String> for EntityKind {
    fn from(kind: String) -> Self {
        match kind.as_str() {
            "person" => EntityKind::Person,
            "organisation" => EntityKind::Organisation,
            "place" => EntityKind::Place,
            _ => EntityKind::Other(kind),
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for EntityKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_reads_and_writes_back_exactly_as_the_front_matter_wrote_it() {
        for written in ["person", "organisation", "place", "project", "Person", "organization", ""] {
            let kind = EntityKind::from(written.to_string());
            assert_eq!(kind.as_str(), written);
            assert_eq!(kind.to_string(), written);
            assert_eq!(serde_json::to_value(&kind).ok(), Some(serde_json::json!(written)));
        }
    }

    #[test]
    fn only_the_exact_words_of_the_rules_are_their_kinds() {
        assert_eq!(EntityKind::from("person".to_string()), EntityKind::Person);
        assert_eq!(EntityKind::from("organisation".to_string()), EntityKind::Organisation);
        assert_eq!(EntityKind::from("Person".to_string()), EntityKind::Other("Person".into()));
        assert_eq!(EntityKind::from("organization".to_string()), EntityKind::Other("organization".into()));
    }
}
