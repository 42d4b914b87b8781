//! An audited file's text, indexed by line, and the part of a line that a
//! report shows or fingerprints.
//!
//! Generated files can hold thousands of findings on one line of hundreds
//! of kilobytes. Rendering or hashing that whole line once per finding
//! costs time quadratic in its length, so a line longer than `LONG_LINE`
//! is clipped to `CONTEXT` characters on either side of the span, as rustc
//! clips what it shows. Shorter lines are kept whole, which keeps the
//! fingerprints they had before clipping existed.

use std::borrow::Cow;
use std::ops::Range;

use crate::report::{Position, Span};

/// Characters a line may have before it is clipped.
pub const LONG_LINE: usize = 1000;
/// Characters kept on either side of a span on a clipped line: more than a
/// terminal shows, so the renderer still chooses what is visible.
pub const CONTEXT: usize = 200;
/// Marks where a clipped line was cut.
const CUT: &str = "...";

pub struct SourceText {
    text: String,
    /// The byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// For each long line with a non-ASCII character, where each of its
    /// characters starts, so that a column is found without counting
    /// characters from the start of the line.
    char_starts: Vec<(usize, Vec<usize>)>,
}

/// Lines `first_line..` of a file, or a clipped part of one, with the span
/// as a byte range of `text`.
pub struct Excerpt<'a> {
    pub text: Cow<'a, str>,
    pub first_line: usize,
    pub span: Range<usize>,
    /// The column of the span in `text` and in the file, when they differ
    /// because the line was clipped on the left.
    pub shifted_column: Option<(usize, usize)>,
}

impl SourceText {
    pub fn new(text: String) -> SourceText {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, byte)| *byte == b'\n')
                .map(|(at, _)| at + 1),
        );
        let mut source = SourceText {
            text,
            line_starts,
            char_starts: Vec::new(),
        };
        for line in 1..=source.line_starts.len() {
            let text = source.line(line);
            if text.len() > LONG_LINE && !text.is_ascii() {
                let start = source.line_starts[line - 1];
                let chars = text.char_indices().map(|(at, _)| start + at).collect();
                source.char_starts.push((line, chars));
            }
        }
        source
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line `line` (from 1), without its line break; empty past the end.
    pub fn line(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = &self.text[start..end];
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The byte offset of a line and a character column (both from 1);
    /// past the end of a line is its end.
    pub fn offset(&self, at: Position) -> usize {
        let Some(&start) = self.line_starts.get(at.line.wrapping_sub(1)) else {
            return self.text.len();
        };
        let line = self.line(at.line);
        let column = at.column.saturating_sub(1);
        if line.len() > LONG_LINE {
            return match self.char_starts.binary_search_by_key(&at.line, |(l, _)| *l) {
                Ok(found) => {
                    let chars = &self.char_starts[found].1;
                    chars.get(column).copied().unwrap_or(start + line.len())
                }
                // All ASCII: characters are bytes.
                Err(_) => start + column.min(line.len()),
            };
        }
        start
            + line
                .char_indices()
                .nth(column)
                .map_or(line.len(), |(at, _)| at)
    }

    /// What a diagnostic shows of `span`: its lines, or the part of its one
    /// long line around it, with `...` where the line was cut.
    pub fn excerpt(&self, span: Span) -> Excerpt<'_> {
        let start = self.offset(span.start);
        let end = self.offset(span.end).max(start);
        let first = self.line_start(span.start.line).min(start);
        let last_line = span.end.line.max(span.start.line);
        let last_end = (self.line_start(last_line) + self.line(last_line).len()).max(end);
        let Some(window) = self.window(span) else {
            return Excerpt {
                text: Cow::Borrowed(&self.text[first..last_end]),
                first_line: span.start.line,
                span: start - first..end - first,
                shifted_column: None,
            };
        };
        let mut text = String::with_capacity(window.len() + 2 * CUT.len());
        let cut_left = window.start > first;
        if cut_left {
            text.push_str(CUT);
        }
        let shown_start = text.len() + start - window.start;
        text.push_str(&self.text[window.clone()]);
        if window.end < first + self.line(span.start.line).len() {
            text.push_str(CUT);
        }
        let span_len = end - start;
        Excerpt {
            shifted_column: cut_left.then(|| {
                let shown = text[..shown_start].chars().count() + 1;
                (shown, span.start.column)
            }),
            text: Cow::Owned(text),
            first_line: span.start.line,
            span: shown_start..shown_start + span_len,
        }
    }

    /// The text that identifies a finding's line in its fingerprint: the
    /// line, or on a long line the part `excerpt` shows, with runs of
    /// whitespace as one space.
    pub fn fingerprint_text(&self, span: Span) -> String {
        let text = match self.window(span) {
            Some(window) => &self.text[window],
            None => self.line(span.start.line),
        };
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The bytes of a long line kept around a span on it; `None` when the
    /// line is not long or the span spans lines, which are kept whole.
    fn window(&self, span: Span) -> Option<Range<usize>> {
        let line = self.line(span.start.line);
        if span.end.line != span.start.line || line.len() <= LONG_LINE {
            return None;
        }
        let line_start = self.line_start(span.start.line);
        let line_end = line_start + line.len();
        let from = span.start.column.saturating_sub(CONTEXT).max(1);
        let to = span.end.column.max(span.start.column) + CONTEXT;
        let window = self.offset(Position {
            line: span.start.line,
            column: from,
        })..self.offset(Position {
            line: span.start.line,
            column: to,
        });
        // A line of many bytes may still have few characters.
        if window.start == line_start && window.end == line_end {
            return None;
        }
        Some(window)
    }

    /// The byte offset at which a line starts; the end of the text past
    /// its last line.
    fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    fn span(line: usize, start: usize, end: usize) -> Span {
        Span {
            start: at(line, start),
            end: at(line, end),
        }
    }

    #[test]
    fn offsets_count_characters() {
        let source = SourceText::new("fn f() {}\r\nlet é = write(x);\n".to_owned());
        assert_eq!(source.line(1), "fn f() {}");
        assert_eq!(source.line(2), "let é = write(x);");
        assert_eq!(source.line(3), "");
        assert_eq!(source.line(4), "");
        let offset = source.offset(at(2, 9));
        assert_eq!(&source.text()[offset..offset + 5], "write");
        let excerpt = source.excerpt(span(2, 9, 14));
        assert_eq!(excerpt.text, "let é = write(x);");
        assert_eq!(&excerpt.text[excerpt.span.clone()], "write");
        assert_eq!(excerpt.shifted_column, None);
    }

    #[test]
    fn a_short_line_is_shown_and_fingerprinted_whole() {
        let source = SourceText::new("a\n    write(x,   y);\nb\n".to_owned());
        assert_eq!(source.fingerprint_text(span(2, 5, 10)), "write(x, y);");
        let excerpt = source.excerpt(Span {
            start: at(1, 1),
            end: at(2, 10),
        });
        assert_eq!(excerpt.text, "a\n    write(x,   y);");
        assert_eq!(excerpt.first_line, 1);
    }

    #[test]
    fn a_long_line_is_clipped_around_the_span() {
        for filler in ["x", "é"] {
            let line = format!("{}write(y);{}", filler.repeat(3000), filler.repeat(3000));
            let source = SourceText::new(format!("first\n{line}\n"));
            let write = span(2, 3001, 3006);
            let excerpt = source.excerpt(write);
            assert_eq!(&excerpt.text[excerpt.span.clone()], "write");
            assert_eq!(
                excerpt.text.chars().count(),
                2 * CUT.len() + 2 * CONTEXT + 5
            );
            assert!(excerpt.text.starts_with("...") && excerpt.text.ends_with("..."));
            assert_eq!(
                excerpt.shifted_column,
                Some((CUT.len() + CONTEXT + 1, 3001))
            );
            let print = source.fingerprint_text(write);
            assert_eq!(print.chars().count(), 2 * CONTEXT + 5);
            // What is far from the span does not count.
            let edited = format!("{}{line}", filler.repeat(5));
            let moved = SourceText::new(format!("first\n{edited}\n"));
            assert_eq!(moved.fingerprint_text(span(2, 3006, 3011)), print);
        }
        // Near the start of a long line, only the end is cut.
        let source = SourceText::new(format!("write(y);{}\n", "x".repeat(2000)));
        let excerpt = source.excerpt(span(1, 1, 6));
        assert!(!excerpt.text.starts_with("...") && excerpt.text.ends_with("..."));
        assert_eq!(excerpt.shifted_column, None);
        assert_eq!(excerpt.span, 0..5);
    }
}
