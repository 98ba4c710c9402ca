/**
 * Projects and workloads. A {@link coop.cooperative.core.projects.Project} guards its dates, skills and
 * assignments; a member's {@link coop.cooperative.core.projects.Workload} guards the maximum hours per
 * week across all projects, a rule no single project can check.
 */
package coop.cooperative.core.projects;
