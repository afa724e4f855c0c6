/**
 * Serve MCP over stdio (what `edgarbox mcp` runs): one client, JSON-RPC on stdin/stdout.
 * @module
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer, type McpServerOptions } from './server.ts';

/**
 * Connect an edgarbox MCP server to this process's stdin/stdout; resolves once the client
 * disconnects (stdin ends) and the server is closed. Nothing else may write to stdout meanwhile.
 */
export async function serveMcpStdio(options: McpServerOptions): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  const ended = new Promise<void>((resolve) => process.stdin.once('end', resolve));
  await Promise.race([closed, ended]);
  await server.close();
}
