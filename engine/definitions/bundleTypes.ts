import type {
  Attendance, ButtonGroup, ButtonType, Calendar, CatalogueDirectory, Department, DistributionRule, Domain,
  ExportTemplate, Flow, Form, Grid, Item, ItemDomainLink, Manifest, Role, Service, StatusBinding,
  SystemParameter, TimeLimit, User, View, Vocabulary,
} from '../../definitions/schemas/index.js';

/** The static type of each definition kind. */
export interface KindTypes {
  domain: Domain;
  catalogueDirectory: CatalogueDirectory;
  item: Item;
  itemDomainLink: ItemDomainLink;
  form: Form;
  flow: Flow;
  timeLimit: TimeLimit;
  calendar: Calendar;
  attendance: Attendance;
  buttonGroup: ButtonGroup;
  buttonType: ButtonType;
  statusBinding: StatusBinding;
  view: View;
  systemParameter: SystemParameter;
  distributionRule: DistributionRule;
  vocabulary: Vocabulary;
  service: Service;
  exportTemplate: ExportTemplate;
  department: Department;
  grid: Grid;
  user: User;
  role: Role;
}

export type IdentifiedKind = Exclude<keyof KindTypes, 'itemDomainLink'>;

/** Where a definition came from, for findings. */
export interface Location {
  readonly package: string;
  readonly file: string;
  readonly pointer: string;
}

/** An immutable, content-hashed set of definitions (DESIGN principle 2). JSON-serialisable. */
export interface Bundle {
  readonly hash: string;
  readonly packages: readonly Manifest[];
  readonly defs: { readonly [K in IdentifiedKind]: Readonly<Record<string, KindTypes[K]>> };
  readonly locations: { readonly [K in IdentifiedKind]: Readonly<Record<string, Location>> };
  /** Where item-domain links merged into `item.domains` came from, keyed `<item>/domains/<index>`. */
  readonly linkLocations: Readonly<Record<string, Location>>;
}

export interface PackageFile {
  /** Package-relative POSIX path, e.g. `items.json` or `forms/default.json`. */
  readonly path: string;
  /** Parsed JSON, or a parse error message the reader met. */
  readonly data?: unknown;
  readonly parseError?: string;
}

/** A package as read from disk by the runtime or CLI (the engine does no I/O). */
export interface PackageSource {
  readonly manifest: unknown;
  readonly files: readonly PackageFile[];
}
