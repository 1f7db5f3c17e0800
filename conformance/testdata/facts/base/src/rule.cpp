// spec:S1: a model rule citing a fact (with the trailing ':' of a comment); spec::f() is C++.
