/**
 * The cooperative owns its data: the export of a whole cooperative as one versioned archive (its
 * events as stored, the personal data kept beside them) and its re-import into another installation
 * (docs/data.md, "Export and re-import").
 */
package coop.cooperative.app.portability;
