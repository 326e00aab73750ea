/**
 * JSON Schema of a claims file (`claims/<article id>.yaml`), checked with ajv on every read.
 * Offsets are 0-based `[start, end)` JavaScript string indices into the article file; line/column 1-based.
 */
const span = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end', 'text', 'line', 'column'],
  properties: {
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 0 },
    text: { type: 'string' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
  },
};

const isoDay = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const hedge = { enum: ['approx', 'nearly', 'more-than', 'at-least', 'less-than', 'at-most', 'up-to', 'early', 'mid', 'late'] };
const words = { type: 'array', items: { type: 'string' } };

const dateValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'grain'],
  properties: {
    type: { const: 'date' },
    start: isoDay,
    end: isoDay,
    grain: { enum: ['minute', 'hour', 'day', 'week', 'month', 'season', 'quarter', 'year', 'decade', 'century'] },
    hedge,
    time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
    zone: { type: 'string' },
    weekday: { type: 'integer', minimum: 0, maximum: 6 },
    monthDay: { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
    relative: {
      type: 'object',
      additionalProperties: false,
      required: ['expression', 'how'],
      properties: { expression: { type: 'string' }, referenceDate: isoDay, how: { type: 'string' } },
    },
  },
};

const quantityValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'dimension', 'unit', 'low', 'high', 'stated'],
  properties: {
    type: { const: 'quantity' },
    dimension: { enum: ['length', 'area', 'volume', 'mass', 'speed', 'temperature', 'money', 'percent', 'duration', 'count', 'age'] },
    unit: { type: 'string', minLength: 1 },
    low: { type: 'number' },
    high: { type: 'number' },
    hedge,
    stated: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'unit', 'text'],
        properties: { value: { type: 'number' }, unit: { type: 'string' }, text: { type: 'string' } },
      },
    },
    counted: { type: 'string' },
  },
};

const speaker = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['name', 'key', 'kind', 'how'],
  properties: {
    name: { type: 'string' },
    key: { type: 'string' },
    kind: { enum: ['person', 'organization', 'description', 'unknown'] },
    span,
    how: { type: 'string' },
  },
};

const quoteValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'words', 'quotation', 'partial', 'speaker'],
  properties: {
    type: { const: 'quote' },
    words: { type: 'string' },
    quotation: { type: 'string' },
    partial: { type: 'boolean' },
    post: { type: 'boolean' },
    speaker,
  },
};

const personValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'name', 'key', 'surname'],
  properties: {
    type: { const: 'person' },
    name: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1 },
    honorific: { type: 'string' },
    given: { type: 'string' },
    surname: { type: 'string', minLength: 1 },
  },
};

const titleValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'person', 'personName', 'title', 'role', 'former'],
  properties: {
    type: { const: 'title' },
    person: { type: 'string', minLength: 1 },
    personName: { type: 'string' },
    title: { type: 'string' },
    role: { type: 'string' },
    org: { type: 'string' },
    place: { type: 'string' },
    former: { type: 'boolean' },
  },
};

const entityValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'name', 'key', 'entityKind'],
  properties: {
    type: { const: 'entity' },
    name: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1 },
    entityKind: { enum: ['organization', 'place', 'vehicle', 'event', 'other'] },
    short: { type: 'string', minLength: 1 },
  },
};

const relationValue = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'value', 'key'],
  properties: {
    type: { const: 'relation' },
    value: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1 },
  },
};

const claim = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'extractor', 'span', 'value', 'context'],
  properties: {
    id: { type: 'string', minLength: 1 },
    kind: { enum: ['date', 'quantity', 'quote', 'person', 'title', 'entity', 'relation'] },
    extractor: { type: 'string', minLength: 1 },
    span,
    // The value's `type` picks its schema, so errors speak of the right kind only.
    value: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['date', 'quantity', 'quote', 'person', 'title', 'entity', 'relation'] } },
      allOf: [dateValue, quantityValue, quoteValue, personValue, titleValue, entityValue, relationValue].map((schema) => ({
        if: { properties: { type: { const: schema.properties.type.const } } },
        then: schema,
      })),
    },
    context: {
      type: 'object',
      additionalProperties: false,
      required: ['predicates', 'entities', 'words'],
      properties: { predicates: words, entities: words, words, inQuote: { type: 'boolean' }, inHeadline: { type: 'boolean' } },
    },
    subject: {
      type: 'object',
      additionalProperties: false,
      required: ['text', 'key'],
      properties: { text: { type: 'string', minLength: 1 }, key: { type: 'string', minLength: 1 }, place: { type: 'string', minLength: 1 }, time: { type: 'string', minLength: 1 }, owner: { type: 'string', minLength: 1 } },
    },
    attribute: { type: 'string', minLength: 1 },
  },
};

/**
 * The claims file format. @2 stores the article's body start and sentence bounds (comparison asks whether
 * two claims share a sentence, with or without the article text at hand) and the extractor that made it.
 */
export const CLAIMS_FORMAT = 'corroborate/claims@2';

export const CLAIMS_SCHEMA = {
  $id: 'https://corroborate.example/schemas/claims.schema.json',
  title: 'corroborate claims file',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'extractor', 'article', 'claims'],
  properties: {
    format: { const: CLAIMS_FORMAT },
    extractor: { type: 'string', minLength: 1 },
    // Fingerprint of the language data the extractors read (lang/load.ts languageFingerprint); a file
    // written by hand may leave it out and is then read as it is.
    language: { type: 'string', pattern: '^[0-9a-f]{16}$' },
    article: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'sha256', 'length'],
      properties: {
        id: { type: 'string', minLength: 1 },
        file: { type: 'string' },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        length: { type: 'integer', minimum: 0 },
        bodyStart: { type: 'integer', minimum: 0 },
        // "0-54 55-120": each sentence's [start, end), in order.
        sentences: { type: 'string', pattern: '^(\\d+-\\d+( \\d+-\\d+)*)?$' },
        referenceDate: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['date', 'source'],
          properties: { date: isoDay, source: { enum: ['front-matter', 'corpus', 'text'] }, span },
        },
        meta: {
          type: 'object',
          additionalProperties: false,
          properties: { title: { type: 'string' }, outlet: { type: 'string' }, url: { type: 'string' }, published: { type: 'string' } },
        },
      },
    },
    claims: { type: 'array', items: claim },
  },
} as const;
