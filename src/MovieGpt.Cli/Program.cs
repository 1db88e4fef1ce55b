using System.Text;
using MovieGpt.Cli.Commands;

// Reviews are UTF-8 whatever the locale says (CI and containers often run with LANG=C).
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true);
// Standard output is buffered and flushed by the commands per batch: Console.Out flushes every line,
// which costs a system call per review on `predict`.
var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { AutoFlush = false };
var context = new CliContext(stdin, stdout, Console.Error, CliContext.LoadFromFolder)
{
    OutputIsTerminal = !Console.IsOutputRedirected,
};
return MovieGptCommandLine.Run(context, args);
