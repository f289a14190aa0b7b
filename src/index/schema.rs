//! The index schema and its analyzer, defined once and used by every create and open.

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenStream as _, Tokenizer as _,
};
use tantivy::Index;

/// The analyzer's name in the schema. It need not change with the analyzer: the index
/// fingerprint covers the analyzer's behaviour, so a changed analyzer rebuilds the index.
pub const ANALYZER: &str = "storybot_en_v2";

/// Handles of the schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The sentence itself.
    pub text: Field,
    /// The neighbouring sentences of the same paragraph (low weight at query time).
    pub context: Field,
    /// The person quoted in the sentence.
    pub speaker: Field,
    /// Index of the sentence in `Corpus::sentences`.
    pub ord: Field,
    /// Index of the document in `Corpus::docs`.
    pub doc: Field,
    /// 0-based paragraph of the sentence in its document.
    pub paragraph: Field,
    /// Byte offsets of the sentence in its corpus file.
    pub start: Field,
    pub end: Field,
}

pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analysed = |record| {
        TextOptions::default()
            .set_indexing_options(TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(record))
    };
    let fields = Fields {
        text: builder.add_text_field("text", analysed(IndexRecordOption::WithFreqsAndPositions)),
        context: builder.add_text_field("context", analysed(IndexRecordOption::WithFreqs)),
        speaker: builder.add_text_field("speaker", analysed(IndexRecordOption::WithFreqs)),
        ord: builder.add_u64_field("ord", FAST),
        doc: builder.add_u64_field("doc", INDEXED | FAST),
        paragraph: builder.add_u64_field("paragraph", FAST),
        start: builder.add_u64_field("start", FAST),
        end: builder.add_u64_field("end", FAST),
    };
    (builder.build(), fields)
}

/// The words of `text` as the index splits them (before lower-casing and stemming): every
/// place that must agree with the index on what a word is reads words through this.
pub fn words(text: &str) -> Vec<&str> {
    let mut tokenizer = SimpleTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push(&text[token.offset_from..token.offset_to]);
    }
    out
}

/// Word tokens, lowercased, accents folded, irregular forms read as their base and stemmed:
/// the same for sentences and for questions, so "Músk" finds Musk, "cafe" finds café and
/// "leave" finds "left".
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::base_forms::BaseForms)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// tantivy stores only the analyzer's name, so it must be registered on every open.
pub fn register(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// Looks the field handles up in a schema read from disk.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    Ok(Fields {
        text: schema.get_field("text")?,
        context: schema.get_field("context")?,
        speaker: schema.get_field("speaker")?,
        ord: schema.get_field("ord")?,
        doc: schema.get_field("doc")?,
        paragraph: schema.get_field("paragraph")?,
        start: schema.get_field("start")?,
        end: schema.get_field("end")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_the_ones_the_analyzer_indexes() {
        let text = "Músk’s co-founders—at OpenAI—said: “$500bn by 2029?” Ça va. ñandú_42";
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut indexed = 0;
        while stream.advance() {
            indexed += 1;
        }
        let words = words(text);
        assert_eq!(words.len(), indexed, "{words:?}");
        assert_eq!(words[..4], ["Músk", "s", "co", "founders"]);
    }
}
