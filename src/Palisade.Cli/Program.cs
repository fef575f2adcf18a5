using Palisade.Cli;

var context = new CliContext(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected);
return CliApp.Run(args, context);
