// Spec reference → the URL of the cited section, for every report that shows a reference
// (SARIF help, matrix.html, compare.html, the HTML conformance report). One place, so a
// reference links the same way everywhere.

/** JSON:API format-page anchors by the section titles the checks cite (jsonapi.org/format/1.x/). */
const JSONAPI_ANCHORS: Record<string, string> = {
  'content negotiation': 'content-negotiation',
  'document structure': 'document-structure',
  'top level': 'document-top-level',
  'resource objects': 'document-resource-objects',
  'resource linkage': 'document-resource-object-linkage',
  'resource identifier objects': 'document-resource-identifier-objects',
  'compound documents': 'document-compound-documents',
  'meta information': 'document-meta',
  links: 'document-links',
  'member names': 'document-member-names',
  'fetching data': 'fetching',
  'fetching resources': 'fetching-resources',
  'fetching relationships': 'fetching-relationships',
  'inclusion of related resources': 'fetching-includes',
  'sparse fieldsets': 'fetching-sparse-fieldsets',
  sorting: 'fetching-sorting',
  pagination: 'fetching-pagination',
  filtering: 'fetching-filtering',
  'creating, updating and deleting resources': 'crud',
  'creating resources': 'crud-creating',
  'updating resources': 'crud-updating',
  'updating relationships': 'crud-updating-relationships',
  'deleting resources': 'crud-deleting',
  'query parameters': 'query-parameters',
  errors: 'errors',
  'error objects': 'error-objects',
};

/**
 * "RFC 6749 §5.2" → https://www.rfc-editor.org/rfc/rfc6749#section-5.2 ("§A.1" → #appendix-A.1);
 * "JSON:API 1.0 §Pagination" → https://jsonapi.org/format/1.0/#fetching-pagination (a section given
 * by its anchor, "§document-top-level", is taken as is; an unknown title links the format page);
 * anything else (OWASP ASVS, vendor documents) → undefined.
 */
export function specLink(ref: string): string | undefined {
  const rfc = /^RFC\s*(\d{3,5})(?:\s*§\s*([A-Z]?[\d.]*\d|[A-Z]))?/i.exec(ref.trim());
  if (rfc) {
    const section = rfc[2];
    const anchor = !section ? '' : /^[A-Z]/i.test(section) ? `#appendix-${section.toUpperCase()}` : `#section-${section}`;
    return `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${anchor}`;
  }
  const jsonapi = /^JSON:API\s+(1\.[01])\b(?:\s*§\s*(.+))?/i.exec(ref.trim());
  if (jsonapi) {
    const page = `https://jsonapi.org/format/${jsonapi[1]}/`;
    const section = jsonapi[2]?.trim();
    if (!section) return page;
    const anchor = JSONAPI_ANCHORS[section.toLowerCase()] ?? (/^[a-z][a-z0-9-]*$/.test(section) ? section : undefined);
    return anchor ? `${page}#${anchor}` : page;
  }
  return undefined;
}
