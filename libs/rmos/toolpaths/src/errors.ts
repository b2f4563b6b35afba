/** A refusal or failure of toolpath generation, with a stable `code` and an HTTP-ish `status`. */
export class ToolpathError extends Error {
  constructor(
    readonly code: ToolpathErrorCode,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ToolpathError';
  }
}

/**
 * Refusals (4xx): INVALID_SESSION 400, UNKNOWN_DIALECT 400, UNKNOWN_CATALOG_ENTRY 409,
 * CHANNEL_NARROWER_THAN_TOOL 409. Internal failure (5xx): INVALID_CUTTING_PARAMETERS 500.
 * Gate refusals are the gates' own errors (SESSION_NOT_APPROVED, FEASIBILITY_NOT_GREEN, APPROVAL_STALE).
 */
export type ToolpathErrorCode =
  | 'INVALID_SESSION'
  | 'UNKNOWN_DIALECT'
  | 'UNKNOWN_CATALOG_ENTRY'
  | 'CHANNEL_NARROWER_THAN_TOOL'
  | 'INVALID_CUTTING_PARAMETERS';

/** A ring's channel is narrower than the tool: it cannot be cut without overcutting its walls. */
export class ChannelNarrowerThanToolError extends ToolpathError {
  constructor(ringIndex: number, channelWidthMm: number, toolDiameterMm: number) {
    super(
      'CHANNEL_NARROWER_THAN_TOOL',
      `ring ${ringIndex}: channel ${channelWidthMm} mm wide is narrower than the ${toolDiameterMm} mm tool`,
      409,
      { ring_index: ringIndex, channel_width_mm: channelWidthMm, tool_diameter_mm: toolDiameterMm },
    );
    this.name = 'ChannelNarrowerThanToolError';
  }
}
