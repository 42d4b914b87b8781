//! The `VOLUME` instructions of Dockerfiles, for the `local_volume` lint:
//! each replica of an orchestrated service gets a volume of its own, and a
//! rescheduled container a new one, so a volume is local disk too.
//!
//! Input: a directory (`dockerfiles`), or a Dockerfile's text (`volumes`).
//! Output: the Dockerfiles in it; each path of each `VOLUME`, as written,
//! with where it is.
//!
//! The parser follows BuildKit's: the `# escape=` parser directive,
//! comment lines (also inside a continued instruction), line continuations,
//! keywords in any case, heredocs (`RUN <<EOF`), whose lines are not
//! instructions, and `VOLUME`'s two forms: a JSON array of strings, or
//! words separated by whitespace, which is also what an array that is not
//! valid JSON is taken as. Variables (`VOLUME $DATA`) are reported as
//! written: what they expand to is known only at build time. Every stage
//! of a multi-stage build is read, the final image's or not, and
//! `ONBUILD VOLUME` (a volume of the images built on this one) is not.

use std::path::{Path, PathBuf};

/// A line and a column, both from 1; columns count characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// One path of a `VOLUME` instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volume {
    /// As written; a JSON string's value, decoded.
    pub path: String,
    /// Where the path starts, and where it ends (exclusive); inside the
    /// quotes of a JSON string.
    pub start: LineColumn,
    pub end: LineColumn,
}

impl Volume {
    /// The line of its `VOLUME` keyword's path.
    pub fn line(&self) -> usize {
        self.start.line
    }

    /// Whether a path a program uses lies on this volume: the volume's
    /// directory itself or below it, component by component
    /// (`/var/uploads2` is not below `/var/uploads`). `complete` is false
    /// for a prefix whose end is not known (`format!("/var/up{x}")`): only
    /// its whole components count. Relative paths and variables are
    /// resolved at run time, against directories this reading does not
    /// know, and match nothing.
    pub fn holds(&self, path: &str, complete: bool) -> bool {
        let volume = unquote(&self.path);
        if !volume.starts_with('/') || !path.starts_with('/') {
            return false;
        }
        let known = if complete {
            path
        } else {
            // The part up to the last `/` is whole components.
            &path[..=path.rfind('/').unwrap_or(0)]
        };
        Path::new(known).starts_with(volume)
    }
}

/// A plain-form word in quotes is the path without them, as the shell-like
/// word processing of the build reads it.
fn unquote(word: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = word
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner;
        }
    }
    word
}

/// Whether a file name is a Dockerfile's: `Dockerfile`, `Containerfile`,
/// `api.Dockerfile`, `api.Containerfile`, `Dockerfile.prod`, in any case;
/// not the per-file ignore lists `Dockerfile.dockerignore`.
pub fn is_dockerfile(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    if name.ends_with(".dockerignore") {
        return false;
    }
    ["dockerfile", "containerfile"].iter().any(|kind| {
        name == *kind
            || name.strip_suffix(kind).is_some_and(|s| s.ends_with('.'))
            || name
                .strip_prefix(kind)
                .is_some_and(|s| s.len() > 1 && s.starts_with('.'))
    })
}

/// The Dockerfiles directly in `dir`, in name order. Subdirectories
/// (`docker/Dockerfile`) are not read.
pub fn dockerfiles(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_type()
                .is_ok_and(|t| t.is_file() || t.is_symlink())
        })
        .filter(|entry| entry.file_name().to_str().is_some_and(is_dockerfile))
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// A character of an instruction, with where it is in the file.
type Located = (char, LineColumn);

/// Every path of every `VOLUME` instruction of a Dockerfile, in order.
pub fn volumes(text: &str) -> Vec<Volume> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();
    let (escape, mut next) = directives(&lines);
    let mut found = Vec::new();
    while next < lines.len() {
        let line = lines[next];
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            next += 1;
            continue;
        }
        let (instruction, after) = instruction(&lines, next, escape);
        next = skip_heredocs(&lines, after, &instruction);
        let (keyword, arguments) = split_keyword(&instruction);
        if keyword.eq_ignore_ascii_case("volume") {
            found.extend(paths(arguments));
        }
    }
    found
}

/// The escape character the parser directives set (`\` unless
/// `# escape=`` ` ``), and the first line after them.
fn directives(lines: &[&str]) -> (char, usize) {
    let mut escape = '\\';
    for (index, line) in lines.iter().enumerate() {
        let Some(directive) = line.trim().strip_prefix('#') else {
            return (escape, index);
        };
        let Some((key, value)) = directive.split_once('=') else {
            return (escape, index);
        };
        let key = key.trim().to_ascii_lowercase();
        if !matches!(key.as_str(), "syntax" | "escape" | "check") {
            // A comment ends the directives.
            return (escape, index);
        }
        if key == "escape" && value.trim() == "`" {
            escape = '`';
        }
    }
    (escape, lines.len())
}

/// The instruction starting at line `first`, its continuation lines
/// joined as the build joins them (the escape and line break removed;
/// comment and empty lines inside it skipped), and the line after it.
fn instruction(lines: &[&str], first: usize, escape: char) -> (Vec<Located>, usize) {
    let mut chars = Vec::new();
    let mut index = first;
    while index < lines.len() {
        let line = lines[index];
        index += 1;
        let trimmed = line.trim_start();
        if index - 1 > first && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        let body = line.trim_end_matches([' ', '\t']);
        let continued = body.ends_with(escape);
        let body = if continued {
            &body[..body.len() - escape.len_utf8()]
        } else {
            line
        };
        chars.extend(body.chars().enumerate().map(|(at, c)| {
            (
                c,
                LineColumn {
                    line: index,
                    column: at + 1,
                },
            )
        }));
        if !continued {
            break;
        }
    }
    (chars, index)
}

/// Past the bodies of the instruction's heredocs (`RUN <<EOF`, `<<-EOF`,
/// `<<"EOF"`), which start on line `next`.
fn skip_heredocs(lines: &[&str], mut next: usize, instruction: &[Located]) -> usize {
    let text: String = instruction.iter().map(|(c, _)| *c).collect();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<<") {
        rest = &rest[at + 2..];
        let marker = rest.strip_prefix('-').unwrap_or(rest);
        let marker = marker.trim_start_matches(['"', '\'']);
        let word: String = marker
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if word.is_empty() {
            continue;
        }
        while next < lines.len() {
            next += 1;
            if lines[next - 1].trim() == word {
                break;
            }
        }
    }
    next
}

/// The keyword, and the arguments after the whitespace that follows it.
fn split_keyword(instruction: &[Located]) -> (String, &[Located]) {
    let start = instruction
        .iter()
        .position(|(c, _)| !c.is_whitespace())
        .unwrap_or(instruction.len());
    let end = instruction[start..]
        .iter()
        .position(|(c, _)| c.is_whitespace())
        .map_or(instruction.len(), |at| start + at);
    let keyword = instruction[start..end].iter().map(|(c, _)| *c).collect();
    (keyword, &instruction[end..])
}

/// The paths of `VOLUME`'s arguments: a JSON array of strings, or words.
fn paths(arguments: &[Located]) -> Vec<Volume> {
    json_array(arguments).unwrap_or_else(|| words(arguments))
}

/// Words separated by spaces and tabs, as written.
fn words(arguments: &[Located]) -> Vec<Volume> {
    arguments
        .split(|(c, _)| c.is_whitespace())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let last = word[word.len() - 1].1;
            Volume {
                path: word.iter().map(|(c, _)| *c).collect(),
                start: word[0].1,
                end: LineColumn {
                    line: last.line,
                    column: last.column + 1,
                },
            }
        })
        .collect()
}

/// `["/a", "/b"]`, each string's span inside its quotes; `None` when the
/// arguments are not a JSON array of strings.
fn json_array(arguments: &[Located]) -> Option<Vec<Volume>> {
    let mut at = 0;
    let skip_space = |at: &mut usize| {
        while arguments.get(*at).is_some_and(|(c, _)| c.is_whitespace()) {
            *at += 1;
        }
    };
    skip_space(&mut at);
    if arguments.get(at)?.0 != '[' {
        return None;
    }
    at += 1;
    let mut found = Vec::new();
    loop {
        skip_space(&mut at);
        match arguments.get(at)?.0 {
            ']' if found.is_empty() => break,
            '"' => {}
            _ => return None,
        }
        let open = at;
        at += 1;
        while arguments.get(at)?.0 != '"' {
            at += if arguments[at].0 == '\\' { 2 } else { 1 };
        }
        let literal: String = arguments[open..=at].iter().map(|(c, _)| *c).collect();
        let path: String = serde_json::from_str(&literal).ok()?;
        found.push(Volume {
            path,
            start: arguments.get(open + 1)?.1,
            end: arguments[at].1,
        });
        at += 1;
        skip_space(&mut at);
        match arguments.get(at)?.0 {
            ',' => at += 1,
            ']' => break,
            _ => return None,
        }
    }
    at += 1;
    skip_space(&mut at);
    (at == arguments.len()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path, its line, and its first and past-the-end columns.
    type Found<'a> = (&'a str, usize, usize, usize);

    /// Each path, with its line and its columns.
    fn found(text: &str) -> Vec<(String, usize, usize, usize)> {
        volumes(text)
            .into_iter()
            .map(|v| {
                assert_eq!(v.start.line, v.end.line, "{text}");
                (v.path, v.start.line, v.start.column, v.end.column)
            })
            .collect()
    }

    fn owned(expected: &[Found<'_>]) -> Vec<(String, usize, usize, usize)> {
        expected
            .iter()
            .map(|(p, l, s, e)| ((*p).to_owned(), *l, *s, *e))
            .collect()
    }

    #[test]
    fn volume_instructions_in_every_form() {
        let table: &[(&str, &[Found<'_>])] = &[
            ("VOLUME /var/uploads\n", &[("/var/uploads", 1, 8, 20)]),
            (
                "FROM rust\nVOLUME [\"/var/uploads\"]\n",
                &[("/var/uploads", 2, 10, 22)],
            ),
            (
                "VOLUME [\"/a\", \"/b\"]",
                &[("/a", 1, 10, 12), ("/b", 1, 16, 18)],
            ),
            (
                "VOLUME /a  /b\t/c",
                &[("/a", 1, 8, 10), ("/b", 1, 12, 14), ("/c", 1, 15, 17)],
            ),
            // A continued line, with a comment line inside.
            (
                "VOLUME /a \\\n# the second\n       /b\n",
                &[("/a", 1, 8, 10), ("/b", 3, 8, 10)],
            ),
            ("# VOLUME /commented\nRUN true # VOLUME /no\n", &[]),
            (
                "volume /lower\nVoLuMe /mixed",
                &[("/lower", 1, 8, 14), ("/mixed", 2, 8, 14)],
            ),
            (
                "VOLUME $DATA ${LOGS}/app",
                &[("$DATA", 1, 8, 13), ("${LOGS}/app", 1, 14, 25)],
            ),
            // Not JSON: the words as written.
            ("VOLUME [/data]", &[("[/data]", 1, 8, 15)]),
            (
                "VOLUME [\"/a\", 1]",
                &[("[\"/a\",", 1, 8, 14), ("1]", 1, 15, 17)],
            ),
            ("  VOLUME /indented", &[("/indented", 1, 10, 19)]),
            ("VOLUME [\"/a\\\"b\"]", &[("/a\"b", 1, 10, 15)]),
            ("VOLUMES /x\nRUN echo VOLUME /y\n", &[]),
            // The escape directive makes ` the continuation.
            (
                "# escape=`\nFROM windows\nVOLUME C:\\data `\n  C:\\logs\n",
                &[("C:\\data", 3, 8, 15), ("C:\\logs", 4, 3, 10)],
            ),
            // After an instruction it is a comment, and `\` continues.
            (
                "FROM x\n# escape=`\nVOLUME /a \\\n /b",
                &[("/a", 3, 8, 10), ("/b", 4, 2, 4)],
            ),
            // A heredoc's lines are not instructions.
            (
                "RUN <<EOF\nVOLUME /inside\nEOF\nVOLUME /outside\n",
                &[("/outside", 4, 8, 16)],
            ),
            (
                "VOLUME /crlf\r\nVOLUME /b\r\n",
                &[("/crlf", 1, 8, 13), ("/b", 2, 8, 10)],
            ),
            ("VOLUME\nVOLUME []\n", &[]),
        ];
        for (text, expected) in table {
            assert_eq!(found(text), owned(expected), "{text:?}");
        }
    }

    #[test]
    fn a_path_split_by_a_continuation_spans_both_lines() {
        let volumes = volumes("VOLUME /var/up\\\nloads");
        assert_eq!(volumes.len(), 1);
        assert_eq!(volumes[0].path, "/var/uploads");
        assert_eq!(volumes[0].start, LineColumn { line: 1, column: 8 });
        assert_eq!(volumes[0].end, LineColumn { line: 2, column: 6 });
    }

    #[test]
    fn a_volume_holds_paths_component_by_component() {
        let volume = |path: &str| Volume {
            path: path.to_owned(),
            start: LineColumn { line: 1, column: 1 },
            end: LineColumn { line: 1, column: 1 },
        };
        let uploads = volume("/var/uploads");
        assert!(uploads.holds("/var/uploads", true));
        assert!(uploads.holds("/var/uploads/a.txt", true));
        assert!(uploads.holds("/var/uploads/", false));
        assert!(uploads.holds("/var/uploads/ab", false));
        assert!(!uploads.holds("/var/uploads2/a", true));
        assert!(
            !uploads.holds("/var/uploads", false),
            "may be /var/uploads2"
        );
        assert!(!uploads.holds("/var/log/a", true));
        assert!(!uploads.holds("uploads/a", true));
        assert!(volume("/var/uploads/").holds("/var/uploads/a", true));
        assert!(volume("\"/var/uploads\"").holds("/var/uploads/a", true));
        assert!(!volume("$DATA").holds("/data/a", true));
    }

    #[test]
    fn dockerfile_names() {
        for name in [
            "Dockerfile",
            "dockerfile",
            "Containerfile",
            "api.Dockerfile",
            "Dockerfile.prod",
            "Containerfile.dev",
        ] {
            assert!(is_dockerfile(name), "{name}");
        }
        for name in [
            "Dockerfile.dockerignore",
            "Dockerfile.",
            "Dockerfiles",
            "MyDockerfile",
            ".dockerignore",
            "docker-compose.yml",
        ] {
            assert!(!is_dockerfile(name), "{name}");
        }
    }
}
