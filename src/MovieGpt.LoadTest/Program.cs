using MovieGpt.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

try
{
    return options.Batches
        ? await new BatchScenario(options, Console.Out).RunAsync()
        : await new LoadRunner(options, Console.Out).RunAsync();
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"The server at {options.Url} did not answer: {e.Message}");
    return 3;
}
