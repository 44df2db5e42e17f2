// Validates an OpenAPI document with @apidevtools/swagger-parser (schema + $ref resolution).
// Usage: node validate_openapi.mjs FILE → prints "valid <paths> <operations>" or the error and
// exits 1.
import SwaggerParser from '@apidevtools/swagger-parser';

const file = process.argv[2];
try {
  const api = await SwaggerParser.validate(file);
  const paths = Object.keys(api.paths);
  let operations = 0;
  for (const path of paths) operations += Object.keys(api.paths[path]).length;
  console.log(`valid ${paths.length} ${operations}`);
} catch (error) {
  console.error(`invalid: ${error.message}`);
  process.exit(1);
}
