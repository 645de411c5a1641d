/** The version of the hub's HTTP API, as the OpenAPI document states it. */
export const HUB_VERSION = '1.0.0';
