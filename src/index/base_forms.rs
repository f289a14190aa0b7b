//! A token filter that reads an irregular form as its base ("left" → "leave"), so that the
//! stemmer after it brings both to one term.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::words::irregular_forms::base_of;

/// Replaces a lower-cased irregular form with its base; every other token passes unchanged.
#[derive(Clone, Copy, Debug, Default)]
pub struct BaseForms;

impl TokenFilter for BaseForms {
    type Tokenizer<T: Tokenizer> = BaseFormsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> BaseFormsFilter<T> {
        BaseFormsFilter(tokenizer)
    }
}

#[derive(Clone)]
pub struct BaseFormsFilter<T>(T);

impl<T: Tokenizer> Tokenizer for BaseFormsFilter<T> {
    type TokenStream<'a> = BaseFormsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BaseFormsStream(self.0.token_stream(text))
    }
}

pub struct BaseFormsStream<T>(T);

impl<T: TokenStream> TokenStream for BaseFormsStream<T> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        if let Some(base) = base_of(&self.0.token().text) {
            let token = self.0.token_mut();
            token.text.clear();
            token.text.push_str(base);
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use crate::index::schema::analyzer;

    fn terms(text: &str) -> Vec<String> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn an_irregular_form_and_its_base_are_one_term_and_other_words_are_only_stemmed() {
        assert_eq!(terms("left children bought"), terms("leave child buy"));
        assert_eq!(terms("Women"), terms("woman"));
        assert_eq!(terms("walked founded"), ["walk", "found"]);
    }
}
