// C++ through the link: iostream, virtual calls, an exception thrown through several frames
// (unwinding needs .eh_frame and .eh_frame_hdr laid out right), templates, a global object's
// constructor and destructor (.init_array/.fini_array), and a thread_local of a non-trivial type
// in several threads (its constructor runs per thread, its destructor at thread exit).
#include <atomic>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

std::atomic<int> tl_constructed{0}, tl_destroyed{0};

struct Global {
	std::string name;
	int value;
	Global() : name("global"), value(1234) {}
	~Global() { std::cout << "global destructor " << value << std::endl; }
};
Global the_global;

struct Shape {
	virtual ~Shape() = default;
	virtual double area() const = 0;
	virtual std::string name() const { return "shape"; }
};

struct Rect : Shape {
	double w, h;
	Rect(double w_, double h_) : w(w_), h(h_) {}
	double area() const override { return w * h; }
	std::string name() const override { return "rect"; }
};

struct Square : Rect {
	explicit Square(double s) : Rect(s, s) {}
	std::string name() const override { return "square"; }
};

struct Circle : Shape {
	double r;
	explicit Circle(double r_) : r(r_) {}
	double area() const override { return 3.0 * r * r; }
};

struct depth_error : std::runtime_error {
	int depth;
	depth_error(const std::string &what, int d) : std::runtime_error(what), depth(d) {}
};

struct Guard {
	static int unwound;
	~Guard() { unwound++; }
};
int Guard::unwound = 0;

__attribute__((noinline)) int thrower(int n)
{
	Guard g;
	if (n == 0)
		throw depth_error("bottom reached", 4);
	return thrower(n - 1) + 1;
}

template <typename T> T sum(const std::vector<T> &v)
{
	T s{};
	for (const T &x : v)
		s += x;
	return s;
}

template <int N> struct Fact {
	static constexpr long value = N * Fact<N - 1>::value;
};
template <> struct Fact<0> {
	static constexpr long value = 1;
};

struct Counter {
	std::string tag;
	int hits = 0;
	Counter() : tag("tl") { tl_constructed++; }
	~Counter() { tl_destroyed++; }
};
thread_local Counter counter;

} // namespace

int main()
{
	std::cout << "static constructor: " << the_global.name << " " << the_global.value << std::endl;

	std::vector<std::unique_ptr<Shape>> shapes;
	shapes.emplace_back(new Rect(2, 3));
	shapes.emplace_back(new Square(4));
	shapes.emplace_back(new Circle(2));
	for (const auto &s : shapes)
		std::cout << "virtual: " << s->name() << " " << s->area() << std::endl;

	try {
		thrower(4);
		std::cout << "no exception" << std::endl;
	} catch (const depth_error &e) {
		std::cout << "caught: " << e.what() << " depth " << e.depth << " guards " << Guard::unwound
		          << std::endl;
	}
	try {
		std::vector<int> v(3);
		v.at(10) = 1;
	} catch (const std::out_of_range &) {
		std::cout << "caught: out_of_range" << std::endl;
	}

	std::cout << "template: " << sum(std::vector<int>{1, 2, 3, 4}) << " "
	          << sum(std::vector<double>{0.5, 0.25}) << " "
	          << sum(std::vector<std::string>{"a", "b", "c"}) << " " << Fact<10>::value << std::endl;

	std::ostringstream os;
	os << std::hex << 255 << " " << std::dec << 3.5;
	std::cout << "stringstream: " << os.str() << std::endl;

	counter.hits = 100;
	std::vector<std::thread> threads;
	std::vector<int> seen(4);
	for (int i = 0; i < 4; i++)
		threads.emplace_back([i, &seen] {
			counter.hits += i + 1;
			seen[i] = counter.hits + (counter.tag == "tl" ? 1000 : 0);
		});
	for (auto &t : threads)
		t.join();
	std::cout << "thread_local:";
	for (int s : seen)
		std::cout << " " << s;
	std::cout << " main " << counter.hits << " constructed " << tl_constructed.load()
	          << " destroyed " << tl_destroyed.load() << std::endl;
	return 0;
}
