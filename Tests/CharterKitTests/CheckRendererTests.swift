import Foundation
import Testing
@testable import CharterKit
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("charter check renderers: golden output per format, JUnit parses as XML, SARIF is 2.1.0")
struct CheckRendererTests {
    /// A small report: a warning, an error with its fix, a manifest finding,
    /// characters each format must escape (`&`, `%`, `<`).
    static func report() throws -> CheckReport {
        let fixture = CheckFixture.files(["a.md": CheckFixture.clause("a", body: "# Titre\n\nTexte : voir [[a&b]] et [[100%]].\n")],
                                         listed: ["a", "b"])
        var report = try fixture.report()
        let used = Set(report.findings.map(\.rule))
        report.rules = report.rules.filter { used.contains($0.id) }
        report.enabledRules = report.enabledRules.filter { used.contains($0) }
        return report
    }

    @Test func text() throws {
        #expect(TextCheckRenderer().render(try Self.report()) == Self.goldenText)
    }

    @Test func github() throws {
        #expect(GitHubCheckRenderer().render(try Self.report()) == Self.goldenGitHub)
    }

    @Test func json() throws {
        let rendered = JSONCheckRenderer().render(try Self.report())
        #expect(rendered == Self.goldenJSON)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "charter-check/1")
    }

    @Test func junit() throws {
        let rendered = JUnitCheckRenderer().render(try Self.report())
        #expect(rendered == Self.goldenJUnit)
        // It parses as XML, and its counts add up.
        let document = try XMLDocument(data: Data(rendered.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 8)
        #expect(root.attribute(forName: "tests")?.stringValue == "8")
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 3)
        let message = try document.nodes(forXPath: "//testsuite[@name='references/unresolved']/testcase/failure").first?.stringValue
        #expect(message?.contains("`[[a&b]]`") == true)
    }

    @Test func junitOfTheBundledCharterIsOneCasePerRuleAndClause() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("charter").path
        let report = try CharterCheck.run(CheckInput(files: try CharterRepository.folderFiles(at: folder, label: "charter")))
        let document = try XMLDocument(data: Data(JUnitCheckRenderer().render(report).utf8))
        #expect(try document.nodes(forXPath: "//testcase").count == report.enabledRules.count * (report.clauses.count + 1))
        #expect(try document.nodes(forXPath: "//failure").isEmpty)
    }

    @Test func sarif() throws {
        var report = try Self.report()
        report.findings = report.findings.filter { $0.rule == "typography/nbsp" || $0.rule == "structure/missing-clause" }
        report.rules = report.rules.filter { $0.id == "typography/nbsp" || $0.id == "structure/missing-clause" }
        let rendered = SARIFCheckRenderer().render(report)
        #expect(rendered == Self.goldenSARIF)
        try Self.validateSARIF(rendered)
    }

    /// `version: 2.1.0`, and every result names a rule the run defines (by id and index).
    static func validateSARIF(_ text: String) throws {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        for result in results {
            let id = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules.contains(id))
            #expect(rules.indices.contains(index) && rules[index] == id)
        }
    }

    @Test func sarifOfAFullRunDefinesEveryRule() throws {
        let report = try CheckFixture.body("Texte : fin...\n").report()
        try Self.validateSARIF(SARIFCheckRenderer().render(report))
        #expect(report.rules.count == CharterCheck.rules.count)
    }

    static let goldenText = #"""
        charter/charter.yml:5:18: error [structure/missing-clause] clause `b` is listed but charter/clauses/b.md does not exist: create the file or remove `b` from the manifest
        charter/clauses/a.md:6:1: warning [structure/heading-level] a heading inside a clause starts at level 2 (`##`), not `#`: the clause title is the level-1 heading
        charter/clauses/a.md:8:6: error [typography/nbsp] replace the space before `:` with a no-break space (U+00A0)
        charter/clauses/a.md:8:14: error [references/unresolved] `[[a&b]]` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)
        charter/clauses/a.md:8:25: error [references/unresolved] `[[100%]]` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)
        4 errors, 1 warning in 1 clause (1 fixable with --fix)

        """#

    static let goldenGitHub = #"""
        ::error file=charter/charter.yml,line=5,col=18,endColumn=19,title=charter check [structure/missing-clause]::clause `b` is listed but charter/clauses/b.md does not exist: create the file or remove `b` from the manifest
        ::warning file=charter/clauses/a.md,line=6,col=1,endColumn=2,title=charter check [structure/heading-level]::a heading inside a clause starts at level 2 (`##`), not `#`: the clause title is the level-1 heading
        ::error file=charter/clauses/a.md,line=8,col=6,endColumn=8,title=charter check [typography/nbsp]::replace the space before `:` with a no-break space (U+00A0)
        ::error file=charter/clauses/a.md,line=8,col=14,endColumn=21,title=charter check [references/unresolved]::`[[a&b]]` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)
        ::error file=charter/clauses/a.md,line=8,col=25,endColumn=33,title=charter check [references/unresolved]::`[[100%25]]` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)
        4 errors, 1 warning in 1 clause (1 fixable with --fix)

        """#

    static let goldenJUnit = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="charter check" tests="8" failures="3" errors="0">
          <testsuite name="structure/missing-clause" tests="2" failures="1" errors="0" skipped="0">
            <testcase classname="structure/missing-clause" name="charter.yml" file="charter/charter.yml">
              <failure type="error" message="1 problem: clause `b` is listed but charter/clauses/b.md does not exist: create the file or remove `b` from the manifest">charter/charter.yml:5:18: error [structure/missing-clause] clause `b` is listed but charter/clauses/b.md does not exist: create the file or remove `b` from the manifest</failure>
            </testcase>
            <testcase classname="structure/missing-clause" name="a" file="charter/clauses/a.md"/>
          </testsuite>
          <testsuite name="structure/heading-level" tests="2" failures="0" errors="0" skipped="0">
            <testcase classname="structure/heading-level" name="charter.yml" file="charter/charter.yml"/>
            <testcase classname="structure/heading-level" name="a" file="charter/clauses/a.md">
              <system-out>charter/clauses/a.md:6:1: warning [structure/heading-level] a heading inside a clause starts at level 2 (`##`), not `#`: the clause title is the level-1 heading</system-out>
            </testcase>
          </testsuite>
          <testsuite name="references/unresolved" tests="2" failures="1" errors="0" skipped="0">
            <testcase classname="references/unresolved" name="charter.yml" file="charter/charter.yml"/>
            <testcase classname="references/unresolved" name="a" file="charter/clauses/a.md">
              <failure type="error" message="2 problems: `[[a&amp;b]]` is not a clause reference: write `[[clause-id]]` with the clause&apos;s id (lower-case letters, digits, dashes)">charter/clauses/a.md:8:14: error [references/unresolved] `[[a&amp;b]]` is not a clause reference: write `[[clause-id]]` with the clause&apos;s id (lower-case letters, digits, dashes)&#10;charter/clauses/a.md:8:25: error [references/unresolved] `[[100%]]` is not a clause reference: write `[[clause-id]]` with the clause&apos;s id (lower-case letters, digits, dashes)</failure>
            </testcase>
          </testsuite>
          <testsuite name="typography/nbsp" tests="2" failures="1" errors="0" skipped="0">
            <testcase classname="typography/nbsp" name="charter.yml" file="charter/charter.yml"/>
            <testcase classname="typography/nbsp" name="a" file="charter/clauses/a.md">
              <failure type="error" message="1 problem: replace the space before `:` with a no-break space (U+00A0)">charter/clauses/a.md:8:6: error [typography/nbsp] replace the space before `:` with a no-break space (U+00A0)</failure>
            </testcase>
          </testsuite>
        </testsuites>

        """#

    static let goldenJSON = #"""
        {
          "directory" : "charter",
          "findings" : [
            {
              "column" : 18,
              "endColumn" : 19,
              "file" : "charter/charter.yml",
              "line" : 5,
              "message" : "clause `b` is listed but charter/clauses/b.md does not exist: create the file or remove `b` from the manifest",
              "rule" : "structure/missing-clause",
              "severity" : "error"
            },
            {
              "clause" : "a",
              "column" : 1,
              "endColumn" : 2,
              "file" : "charter/clauses/a.md",
              "line" : 6,
              "message" : "a heading inside a clause starts at level 2 (`##`), not `#`: the clause title is the level-1 heading",
              "rule" : "structure/heading-level",
              "severity" : "warning"
            },
            {
              "clause" : "a",
              "column" : 6,
              "endColumn" : 8,
              "file" : "charter/clauses/a.md",
              "fix" : {
                "description" : "use U+00A0",
                "edits" : [
                  {
                    "column" : 6,
                    "endColumn" : 7,
                    "line" : 8,
                    "replacement" : "\#u{A0}"
                  }
                ]
              },
              "line" : 8,
              "message" : "replace the space before `:` with a no-break space (U+00A0)",
              "rule" : "typography/nbsp",
              "severity" : "error"
            },
            {
              "clause" : "a",
              "column" : 14,
              "endColumn" : 21,
              "file" : "charter/clauses/a.md",
              "line" : 8,
              "message" : "`[[a&b]]` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)",
              "rule" : "references/unresolved",
              "severity" : "error"
            },
            {
              "clause" : "a",
              "column" : 25,
              "endColumn" : 33,
              "file" : "charter/clauses/a.md",
              "line" : 8,
              "message" : "`[[100%]]` is not a clause reference: write `[[clause-id]]` with the clause's id (lower-case letters, digits, dashes)",
              "rule" : "references/unresolved",
              "severity" : "error"
            }
          ],
          "fixedFiles" : [

          ],
          "rules" : [
            "structure/missing-clause",
            "structure/heading-level",
            "references/unresolved",
            "typography/nbsp"
          ],
          "schema" : "charter-check/1",
          "source" : "working tree",
          "summary" : {
            "clauses" : 1,
            "errors" : 4,
            "fixable" : 1,
            "fixed" : 0,
            "warnings" : 1
          }
        }

        """#

    static let goldenSARIF = #"""
        {
          "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
          "runs" : [
            {
              "columnKind" : "unicodeCodePoints",
              "results" : [
                {
                  "level" : "error",
                  "locations" : [
                    {
                      "physicalLocation" : {
                        "artifactLocation" : {
                          "uri" : "charter/charter.yml"
                        },
                        "region" : {
                          "endColumn" : 19,
                          "startColumn" : 18,
                          "startLine" : 5
                        }
                      }
                    }
                  ],
                  "message" : {
                    "text" : "clause `b` is listed but charter/clauses/b.md does not exist: create the file or remove `b` from the manifest"
                  },
                  "ruleId" : "structure/missing-clause",
                  "ruleIndex" : 0
                },
                {
                  "fixes" : [
                    {
                      "artifactChanges" : [
                        {
                          "artifactLocation" : {
                            "uri" : "charter/clauses/a.md"
                          },
                          "replacements" : [
                            {
                              "deletedRegion" : {
                                "endColumn" : 7,
                                "startColumn" : 6,
                                "startLine" : 8
                              },
                              "insertedContent" : {
                                "text" : "\#u{A0}"
                              }
                            }
                          ]
                        }
                      ],
                      "description" : {
                        "text" : "use U+00A0"
                      }
                    }
                  ],
                  "level" : "error",
                  "locations" : [
                    {
                      "physicalLocation" : {
                        "artifactLocation" : {
                          "uri" : "charter/clauses/a.md"
                        },
                        "region" : {
                          "endColumn" : 8,
                          "startColumn" : 6,
                          "startLine" : 8
                        }
                      }
                    }
                  ],
                  "message" : {
                    "text" : "replace the space before `:` with a no-break space (U+00A0)"
                  },
                  "ruleId" : "typography/nbsp",
                  "ruleIndex" : 1
                }
              ],
              "tool" : {
                "driver" : {
                  "name" : "charter",
                  "rules" : [
                    {
                      "defaultConfiguration" : {
                        "level" : "error"
                      },
                      "id" : "structure/missing-clause",
                      "properties" : {
                        "fixable" : false,
                        "scope" : "charter",
                        "tags" : [
                          "structure"
                        ]
                      },
                      "shortDescription" : {
                        "text" : "Every clause listed in the manifest has its file `clauses/<id>.md`."
                      }
                    },
                    {
                      "defaultConfiguration" : {
                        "level" : "error"
                      },
                      "id" : "typography/nbsp",
                      "properties" : {
                        "fixable" : true,
                        "scope" : "line",
                        "tags" : [
                          "typography"
                        ]
                      },
                      "shortDescription" : {
                        "text" : "A no-break space (U+00A0, or the narrow U+202F) before `; : ! ?` and `»`, and after `«`."
                      }
                    }
                  ],
                  "version" : "0.1.0"
                }
              }
            }
          ],
          "version" : "2.1.0"
        }

        """#
}
