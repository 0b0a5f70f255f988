import { fillIns } from './placeholders';

/** What STS accepts as an ExternalId: 2 to 1,224 characters of `[\w+=,.@:/-]`. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** Values written as "fill this in" rather than a secret. */
const FILLER = /^(<.*>|\[.*\]|x+|(your|my|the)?[-_ ]?(external[-_ ]?id|secret|placeholder|change[-_ ]?me|todo|tbd|example|unique[-_ ]?id|value)[-_ ]?(here)?)$/i;

/** Why an ExternalId value would not work or is no secret, if so (the trust rule and the role builder share it). */
export function externalIdProblem(value: string): string | undefined {
  if (FILLER.test(value) || fillIns(value).length > 0) return `"${value}" is a placeholder, not a secret: generate a random value and share it with the third party.`;
  if (value.length < 2 || value.length > 1224) return `An ExternalId has 2 to 1,224 characters; "${value.slice(0, 40)}" has ${value.length}, so STS never accepts it.`;
  if (!EXTERNAL_ID.test(value)) {
    const bad = [...new Set(value.replace(/[\w+=,.@:/-]/g, ''))].map((c) => JSON.stringify(c)).join(' ');
    return `An ExternalId may only contain letters, digits and + = , . @ : / - _; ${bad} cannot be sent, so the role can never be assumed.`;
  }
  return undefined;
}
