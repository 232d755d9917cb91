/**
 * Classes that break the {@link id.simpul.testinfra.ArchitectureRules} on purpose, one rule at a time, so that
 * {@code ArchitectureRulesTest} can show each rule finds its violation.
 */
package id.simpul.testinfra.archviolation;
