//! Entity aliases from the corpus: a question naming one form also searches for the others.

use crate::corpus::Corpus;

/// One entity's names, each as a sequence of lowercase words.
#[derive(Debug, Clone)]
struct Group {
    forms: Vec<Form>,
}

#[derive(Debug, Clone)]
struct Form {
    words: Vec<String>,
    /// The words' stems, ready to search for.
    stems: Vec<String>,
    /// Very short names ("X") only count when written exactly so, not as the letter x.
    exact_case: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    groups: Vec<Group>,
}

impl AliasTable {
    pub fn from_corpus(corpus: &Corpus) -> AliasTable {
        let mut analyzer = crate::index::analyzer();
        let groups = corpus
            .alias_groups()
            .map(|forms| Group {
                forms: forms
                    .into_iter()
                    .map(|f| {
                        let words: Vec<String> = crate::index::words(f).into_iter().map(|w| w.to_lowercase()).collect();
                        let stems = words.iter().filter_map(|w| super::stem(&mut analyzer, w)).collect();
                        Form { words, stems, exact_case: (f.chars().count() <= 2).then(|| f.to_string()) }
                    })
                    .filter(|f| !f.words.is_empty())
                    .collect(),
            })
            .collect();
        AliasTable { groups }
    }

    /// For each place a question names an entity: the position of the name's first word and
    /// the stems of the entity's other names.
    pub fn expansions<'a>(&'a self, surface: &[&str], lower: &[String]) -> Vec<(usize, Vec<&'a str>)> {
        let mut out = Vec::new();
        for group in &self.groups {
            for (f, form) in group.forms.iter().enumerate() {
                for position in (0..lower.len()).filter(|&i| form.matches(surface, lower, i)) {
                    let words: Vec<&str> = group
                        .forms
                        .iter()
                        .enumerate()
                        .filter(|&(other, _)| other != f)
                        .flat_map(|(_, other)| other.stems.iter().map(String::as_str))
                        .collect();
                    out.push((position, words));
                }
            }
        }
        out
    }
}

impl AliasTable {
    /// The stems of the other forms of every group with a one-word form whose stem is `stem`
    /// (used after a misspelt word has been corrected).
    pub fn for_word<'a>(&'a self, stem: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let is_it = move |f: &Form| f.exact_case.is_none() && f.stems.len() == 1 && f.stems[0] == stem;
        self.groups
            .iter()
            .filter(move |g| g.forms.iter().any(is_it))
            .flat_map(move |g| g.forms.iter().filter(move |f| !is_it(f)))
            .flat_map(|f| f.stems.iter().map(String::as_str))
    }
}

impl Form {
    fn matches(&self, surface: &[&str], lower: &[String], at: usize) -> bool {
        if let Some(exact) = &self.exact_case {
            return surface.get(at) == Some(&exact.as_str());
        }
        lower.len() >= at + self.words.len() && lower[at..at + self.words.len()] == self.words[..]
    }
}
