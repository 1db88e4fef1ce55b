using System.Text;
using MovieGpt.Cli.Commands;

// Standard output is buffered and flushed by the commands per batch: Console.Out flushes every line,
// which costs a system call per review on `predict`.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
var context = new CliContext(Console.In, stdout, Console.Error, CliContext.LoadFromFolder)
{
    OutputIsTerminal = !Console.IsOutputRedirected,
};
return MovieGptCommandLine.Run(context, args);
