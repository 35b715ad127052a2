// Types of Tahlil's embed API (www/embed/tahlil.js, the npm package "tahlil").
// Written by hand to match docs/contract.md and schema/analysis.schema.json
// (analysis contract version 1).

/** Every kind of entity, in the order of the contract. */
export type EntityKind =
  | 'person' | 'organization' | 'location' | 'date' | 'period' | 'duration' | 'time' | 'number' | 'ordinal'
  | 'percent' | 'money' | 'ratio' | 'reference' | 'acronym' | 'url' | 'email' | 'phone';

/** Unit of a duration or of a relative date. */
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** `number`, `ordinal`, `percent`: `١٢٫٥٪` → `{value: 12.5}`. */
export interface ScalarValue { value: number }

/** `money`: an amount and its ISO 4217 currency code. */
export interface MoneyValue { amount: number; currency: string }

/** `date`: only what the text states. */
export interface DateValue {
  calendar: 'gregorian' | 'hijri';
  year?: number;
  /** 1-12. */
  month?: number;
  /** 1-31. */
  day?: number;
  /** A full Hijri date's Gregorian equivalent, `YYYY-MM-DD`. */
  gregorian?: string;
  /** A relative date (`أمس`, `العام الماضي`). */
  relative?: { unit: TimeUnit; offset: number };
  /** A relative date resolved against `reference_date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  resolved?: string;
}

/** `period`: between two dates. */
export interface PeriodValue { start: DateValue; end: DateValue }

/** `duration`: a length of time. */
export interface DurationValue { value: number; unit: TimeUnit }

/** `time`: a clock time. */
export interface TimeValue { /** 0-23. */ hour: number; /** 0-59. */ minute: number }

/** `ratio`: a ratio or fraction of counts. */
export interface RatioValue { numerator: number; denominator: number }

/** `reference`: a document reference. */
export interface ReferenceValue { code: string }

/** `person`: title and role when the text states them. */
export interface PersonValue { title?: string; role?: string }

/** `location`: ISO 3166-1 alpha-2 country, when the gazetteer knows it. */
export interface LocationValue { country?: string }

/** `organization`, `acronym`, `url`, `email`, `phone`: no value. */
export type EmptyValue = Record<string, never>;

/** The value of each kind. */
export interface ValueByKind {
  number: ScalarValue; ordinal: ScalarValue; percent: ScalarValue; money: MoneyValue; date: DateValue;
  period: PeriodValue; duration: DurationValue; time: TimeValue; ratio: RatioValue; reference: ReferenceValue;
  person: PersonValue; location: LocationValue; organization: EmptyValue; acronym: EmptyValue; url: EmptyValue;
  email: EmptyValue; phone: EmptyValue;
}

/** One entity of kind `K`. Offsets are end-exclusive. */
export interface EntityOf<K extends EntityKind> {
  kind: K;
  /** The exact substring of the original text. */
  text: string;
  /** UTF-16 code units: `text === input.slice(start, end)`. */
  start: number;
  end: number;
  /** Unicode code points. */
  char_start: number;
  char_end: number;
  /** UTF-8 bytes. */
  byte_start: number;
  byte_end: number;
  /** The resolved value. */
  value: ValueByKind[K];
}

/** Any entity; narrow it by `kind`. */
export type Entity = { [K in EntityKind]: EntityOf<K> }[EntityKind];

/** Counts over the original text. */
export interface Stats {
  /** Code points. */
  characters: number;
  utf16_length: number;
  bytes: number;
  words: number;
  sentences: number;
  /** Non-empty lines. */
  lines: number;
  arabic_letters: number;
  latin_letters: number;
  other_letters: number;
  /** Arabic letters / all letters, 4 decimals. */
  arabic_share: number;
  diacritics: number;
  tatweel: number;
  digits: { western: number; arabic_indic: number; persian: number };
  /** Entities per kind (kinds with none omitted). */
  entities: Partial<Record<EntityKind, number>>;
}

/** What `analyze` returns: the analysis contract, a plain object. */
export interface Analysis {
  version: 1;
  /** Sorted by position, never overlapping. */
  entities: Entity[];
  stats: Stats;
}

/** Options of an analysis; unknown names are an error. */
export interface AnalyzeOptions {
  /** `YYYY-MM-DD`: resolves relative dates. */
  reference_date?: string;
  /** Only report these kinds. */
  kinds?: EntityKind[];
}

/** The normalization presets. */
export type Preset = 'search' | 'display' | 'none';

/** A preset to start from, then single steps on or off. */
export interface NormalizeOptions {
  preset?: Preset;
  compatibility?: boolean;
  compose?: boolean;
  diacritics?: boolean;
  tatweel?: boolean;
  alef?: boolean;
  alef_maqsura?: boolean;
  teh_marbuta?: boolean;
  hamza?: boolean;
  persian?: boolean;
  digits?: boolean;
  separators?: boolean;
  punctuation?: boolean;
  invisible?: boolean;
  joiners?: boolean;
  whitespace?: boolean;
}

/** The wasm module's bytes, a compiled module, or a fetch Response of it. */
export type WasmSource = BufferSource | WebAssembly.Module | Response;

/** Options of {@link load}: give at most one of them. */
export interface LoadOptions {
  /** Where `tahlil_bg.wasm` is (default: beside the module; resolved against the page). */
  wasmUrl?: string | URL;
  /** The wasm module itself. */
  wasm?: WasmSource;
}

/** Options of {@link loadWorker}. */
export interface WorkerLoadOptions {
  wasmUrl?: string | URL;
  /** Bytes or a `WebAssembly.Module` (sent to the worker). */
  wasm?: BufferSource | WebAssembly.Module;
  /** The worker script (default: this module itself, which serves the worker when started by loadWorker). */
  workerUrl?: string | URL;
}

/** An analyzer on the calling thread, from {@link load}. Methods throw `Error`s (`TypeError` for wrong argument types). */
export interface Analyzer {
  /** Analyzes `text`; a plain object (survives structuredClone and postMessage). */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** The analysis as a JSON string, byte for byte what `tahlil analyze --format json` prints. */
  analyzeJson(text: string, options?: AnalyzeOptions): string;
  /** Normalizes `text` (default preset `"search"`). */
  normalize(text: string, preset?: Preset | NormalizeOptions): string;
  /** Size of the wasm linear memory in bytes (a diagnostic). */
  memoryBytes(): number;
  /** Nothing to release; present so both variants share one API. */
  close(): void;
  readonly worker: false;
  /** The contract version this build produces. */
  readonly contractVersion: number;
}

/** An analyzer in a Web Worker, from {@link loadWorker}: the same methods, returning Promises that reject with `Error`s. */
export interface WorkerAnalyzer {
  analyze(text: string, options?: AnalyzeOptions): Promise<Analysis>;
  analyzeJson(text: string, options?: AnalyzeOptions): Promise<string>;
  normalize(text: string, preset?: Preset | NormalizeOptions): Promise<string>;
  memoryBytes(): Promise<number>;
  /** Terminates the worker; later calls reject. */
  close(): void;
  readonly worker: true;
  readonly contractVersion: number;
}

/** Options of {@link highlight}. */
export interface HighlightOptions extends AnalyzeOptions {
  /** The analyzer to use (default: `await load()`). */
  analyzer?: Analyzer | WorkerAnalyzer;
  /** Language of the marks' titles (default `"ar"`). */
  lang?: 'ar' | 'en';
  /** A selector of elements whose text is left alone. */
  skip?: string;
  /** `false`: add no stylesheet to the document (style `mark.tahlil-mark` yourself). */
  styles?: boolean;
  /** `false`: no `title` attribute on the marks. */
  titles?: boolean;
}

/** What {@link highlight} returns. */
export interface HighlightResult {
  /** The analysis of `text`. */
  analysis: Analysis;
  /** The element's text as analyzed: its text nodes joined, blocks separated by a newline. */
  text: string;
  /**
   * The `<mark class="tahlil-mark">`s, in document order. Attributes: `data-tahlil-kind`,
   * `data-tahlil-entity` (index into `analysis.entities`; shared by the marks of one entity
   * split across text nodes), `data-tahlil-parts` (how many marks that entity has, when more than one).
   */
  marks: HTMLElement[];
}

/** Loads the wasm module once per page and returns the analyzer (later calls return the same one). */
export function load(options?: LoadOptions): Promise<Analyzer>;

/** Starts a worker running the analyzer; each call starts a new worker. */
export function loadWorker(options?: WorkerLoadOptions): Promise<WorkerAnalyzer>;

/** Highlights the entities of an element's text in place, wrapping them in `<mark>`s. */
export function highlight(element: Element, options?: HighlightOptions): Promise<HighlightResult>;

/** Restores an element highlighted by {@link highlight} exactly (same text nodes, same innerHTML). False when it was not highlighted. */
export function unhighlight(element: Element): boolean;

/** Defines the `<tahlil-analyzer>` element (done on import; call with another name to define it again under that name). */
export function defineElement(name?: string): CustomElementConstructor | null;

/** Labels of each kind in Arabic and English. */
export const KINDS: Readonly<Record<EntityKind, { ar: string; en: string }>>;

/** Default highlight colour of each kind (override with `--tahlil-<kind>`). */
export const KIND_COLORS: Readonly<Record<EntityKind, string>>;

/** The whole API as one object. */
export const Tahlil: {
  readonly load: typeof load;
  readonly loadWorker: typeof loadWorker;
  readonly highlight: typeof highlight;
  readonly unhighlight: typeof unhighlight;
  readonly defineElement: typeof defineElement;
  readonly KINDS: typeof KINDS;
  readonly KIND_COLORS: typeof KIND_COLORS;
};
export default Tahlil;

/**
 * `<tahlil-analyzer kinds="date percent" preset="none" lang="en" reference-date="2024-05-01" worker>`:
 * a text box and its highlighted analysis in a shadow root. Its initial text is its text content.
 * CSS custom properties: `--tahlil-font`, `--tahlil-fg`, `--tahlil-bg`, `--tahlil-border`, `--tahlil-muted`,
 * `--tahlil-radius`, `--tahlil-padding`, `--tahlil-input-bg`, `--tahlil-input-height`, `--tahlil-<kind>`;
 * parts: `box`, `input`, `status`, `legend`, `chip`, `result`, `mark`, `mark-<kind>`.
 */
export interface TahlilAnalyzerElement extends HTMLElement {
  /** The text in the box; setting it analyzes it. */
  value: string;
  /** The latest analysis shown (null before the first). */
  readonly analysis: Analysis | null;
  /** Analyzes the current text now. */
  analyzeNow(): Promise<Analysis>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tahlil-analyzer': TahlilAnalyzerElement;
  }
  interface HTMLElementEventMap {
    /** Sent by `<tahlil-analyzer>` after each analysis (bubbles, composed). */
    'tahlil-result': CustomEvent<Analysis>;
    /** Sent by `<tahlil-analyzer>` when an analysis fails. */
    'tahlil-error': CustomEvent<Error>;
  }
}
