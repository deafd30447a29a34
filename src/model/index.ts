/** The model layer: plain data types, the cell schema, migrations and validation. */
export * from './geometry';
export * from './cell';
export * from './cell-schema';
export * from './migrations';
export * from './validate';
export * from './robot-description';
export * from './item-factory';
export * from './json-location';
export * from './robot-library';
export * from './robot-flange';
export * from './mounts';
export * from './light-curtain';
export * from './part-items';
export * from './library-presets';
export * from './cell-robot-descriptions';
