Console.WriteLine("moviegpt");
