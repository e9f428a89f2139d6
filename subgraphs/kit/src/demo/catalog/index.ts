export { DEMO_MATTERS, DRIVING_LICENCE_RENEWAL, VEHICLE_INSPECTION_MARK, type DemoField, type DemoMaterial, type DemoMatter, type FieldRules } from './demo-matters.js';
export { generateCatalog, HALL_FIGURES, type CatalogSeed } from './generate-catalog.js';
