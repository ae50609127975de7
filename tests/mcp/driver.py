"""Drives `masst mcp` through the official MCP Python SDK (pinned in tests/emulator/requirements.txt),
as an assistant's client would: spawns the server over stdio, initializes, then runs the steps it
is given and prints one JSON document of what it saw. The assertions live in tests/it/mcp.rs.

Input (stdin, JSON): {"command": PATH, "args": [...], "env": {...}, "steps": [STEP, ...]} where STEP is
  {"list": true}                           tools/list, each tool's input schema checked as JSON Schema
  {"call": NAME, "arguments": {...}}       tools/call (the SDK checks structured content against the
                                           tool's output schema)
  {"parallel": [CALL, CALL, ...]}          the calls sent at once
  {"cancel": CALL, "after_s": S}           the call, cancelled by the client after S seconds
  {"sleep": S}                             S seconds of nothing, the server still running
Output (stdout, JSON): {"initialize": {...}, "steps": [RESULT, ...]}.
"""
import json
import sys
import time

import anyio
from jsonschema.validators import validator_for
from mcp import ClientSession, StdioServerParameters, stdio_client


def result_doc(r, started):
    texts = [c.text for c in r.content if getattr(c, "type", None) == "text"]
    return {
        "is_error": bool(r.is_error),
        "structured": r.structured_content,
        "text": texts,
        "started": started,
        "ended": time.monotonic(),
    }


async def call(session, step):
    started = time.monotonic()
    r = await session.call_tool(step["call"], step.get("arguments") or {})
    return result_doc(r, started)


async def list_tools(session):
    tools = (await session.list_tools()).tools
    out = []
    for t in tools:
        problem = None
        try:
            validator_for(t.input_schema).check_schema(t.input_schema)
            if t.output_schema is not None:
                validator_for(t.output_schema).check_schema(t.output_schema)
        except Exception as e:  # a schema that is not JSON Schema
            problem = str(e)
        ann = t.annotations
        out.append({
            "name": t.name,
            "description": t.description,
            "read_only": None if ann is None else ann.read_only_hint,
            "input_schema": t.input_schema,
            "has_output_schema": t.output_schema is not None,
            "schema_problem": problem,
        })
    return {"tools": out}


async def parallel(session, calls):
    results = [None] * len(calls)

    async def one(i, c):
        results[i] = await call(session, c)

    started = time.monotonic()
    async with anyio.create_task_group() as tg:
        for i, c in enumerate(calls):
            tg.start_soon(one, i, c)
    return {"results": results, "elapsed": time.monotonic() - started}


async def cancel(session, step):
    started = time.monotonic()
    with anyio.move_on_after(step["after_s"]) as scope:
        await call(session, step["cancel"])
    return {"cancelled": scope.cancelled_caught, "elapsed": time.monotonic() - started}


async def main():
    spec = json.load(sys.stdin)
    params = StdioServerParameters(command=spec["command"], args=spec["args"], env=spec.get("env"), cwd=spec.get("cwd"))
    out = {"steps": []}
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            out["initialize"] = {
                "protocol_version": init.protocol_version,
                "server": init.server_info.name,
                "instructions": init.instructions,
                "tools_capability": init.capabilities.tools is not None,
            }
            for step in spec["steps"]:
                if "list" in step:
                    out["steps"].append(await list_tools(session))
                elif "parallel" in step:
                    out["steps"].append(await parallel(session, step["parallel"]))
                elif "cancel" in step:
                    out["steps"].append(await cancel(session, step))
                elif "sleep" in step:
                    await anyio.sleep(step["sleep"])
                    out["steps"].append({"slept": step["sleep"]})
                else:
                    out["steps"].append(await call(session, step))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    anyio.run(main)
