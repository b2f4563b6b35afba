import type { FeasibilityPort, SandboxStorePort } from '@luthier/rmos-contracts';
import { saveRosettePreview } from '@luthier/experimental-ai-graphics';
import { canonicalJson, hashCanonical } from '@luthier/shared-hashing';
import type { Proposal, ProposalRequest, ProposalResponse } from './proposal.js';
import { rationale } from './rationale.js';
import { searchDesigns, type SearchOptions } from './search.js';

/** What the app hands the advisory code: the feasibility port and the sandbox store, nothing else. */
export interface AdvisoryPorts {
  feasibility: FeasibilityPort;
  /** Optional: without it, proposals carry no preview and nothing is written. */
  sandbox?: SandboxStorePort;
}

const DEFAULT_MAX_PROPOSALS = 3;

/**
 * Proposes design changes that move a YELLOW or RED design toward GREEN.
 * Output is data only (status PROPOSED): nothing is approved, transitioned or
 * generated; previews and a copy of each proposal go to the sandbox store.
 */
export async function proposeDesignChanges(
  request: ProposalRequest,
  ports: AdvisoryPorts,
  options: SearchOptions = {},
): Promise<ProposalResponse> {
  const { design, context } = request;
  const baseline = ports.feasibility.evaluate(design, context);
  const summary = { risk_bucket: baseline.risk_bucket, score: baseline.score };
  if (baseline.risk_bucket === 'GREEN') {
    return { baseline: summary, proposals: [], evaluations: 1, note: 'the design is already GREEN: nothing to propose' };
  }
  const { improved, evaluations } = await searchDesigns(design, context, ports.feasibility, baseline, options);
  const limit = request.max_proposals ?? DEFAULT_MAX_PROPOSALS;
  const proposals: Proposal[] = [];
  const seen = new Set<string>();
  for (const candidate of improved) {
    if (proposals.length >= limit) break;
    const key = canonicalJson(candidate.design);
    if (seen.has(key)) continue;
    seen.add(key);
    const proposalId = `prop_${hashCanonical({ design: candidate.design, context }).slice(0, 32)}`;
    const preview = ports.sandbox
      ? await saveRosettePreview(ports.sandbox, proposalId, candidate.design, { title: `Proposal ${proposalId} (advisory)` })
      : null;
    const proposal: Proposal = {
      proposal_id: proposalId,
      status: 'PROPOSED',
      design: candidate.design,
      context,
      changes: candidate.changes,
      rationale: rationale(candidate.changes, baseline, candidate.feasibility),
      feasibility: candidate.feasibility,
      preview_path: preview,
    };
    if (ports.sandbox) await ports.sandbox.write(`proposals/${proposalId}.json`, canonicalJson(proposal));
    proposals.push(proposal);
  }
  const note = proposals.length
    ? 'advisory only: open a session with a proposed design and have an approver approve it'
    : `no single change within the search budget improves this ${baseline.risk_bucket} design`;
  // evaluations counts the baseline too: it is every call made to the port.
  return { baseline: summary, proposals, evaluations: evaluations + 1, note };
}
