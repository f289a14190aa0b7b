//! Where a document names one of its entities: found by [`super::names`], read by
//! [`super::gender`] and [`super::attribution`].

use std::ops::Range;

/// Where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    /// Index into the document's entities.
    pub entity: usize,
}
