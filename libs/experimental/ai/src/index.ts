// Advisory AI: proposes design changes through the RMOS public API only. Never executes.
export { proposeDesignChanges, type AdvisoryPorts } from './propose.js';
export { channelsOverlap } from './overlap.js';
export { searchDesigns, compareEvaluated, improves, type SearchOptions } from './search.js';
export {
  designChangeSchema,
  proposalSchema,
  proposalRequestSchema,
  proposalResponseSchema,
  type DesignChange,
  type Proposal,
  type ProposalRequest,
  type ProposalResponse,
} from './proposal.js';
